// A react-hook-form resolver whose zod schema (and zod itself, about 40 KB gzip) loads after the page, not with it.
// The public forms validate in the browser with the same zod schemas as their server actions; importing them
// statically put zod in the first-load JavaScript of /vraag and /verzuimcheck. With this resolver the schema's
// chunk is fetched when the page is idle (or at the first validation, whichever comes first), and validation works
// exactly as with zodResolver from then on. The server action validates again in any case.
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

type AnySchema = z.ZodType<unknown, FieldValues>;

/**
 * `load` must be an arrow around a dynamic import, e.g. `() => import("…/check-forms").then((m) => m.quickCheckSchema)`,
 * so the bundler splits the schema module (and zod) into its own chunk.
 */
export function lazyZodResolver<TValues extends FieldValues, TOutput>(
  load: () => Promise<AnySchema>,
): Resolver<TValues, unknown, TOutput> {
  let resolver: Promise<Resolver<TValues, unknown, TOutput>> | null = null;
  const get = () =>
    (resolver ??= load().then((schema) => zodResolver(schema) as unknown as Resolver<TValues, unknown, TOutput>));
  if (typeof window !== "undefined") {
    const idle = (window as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback;
    if (idle) idle(() => void get());
    else setTimeout(() => void get(), 200);
  }
  return async (values, context, options) => (await get())(values, context, options);
}
