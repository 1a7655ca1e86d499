import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SettleBuffer, settleKey } from "./log-policy";

type E = { id: string; query: string };
let logged: string[];
let buf: SettleBuffer<E>;
let n = 0;
const e = (query: string): E => ({ id: `id${++n}`, query });

beforeEach(() => {
  vi.useFakeTimers();
  logged = [];
  buf = new SettleBuffer<E>((x) => logged.push(x.query), 4000, 3);
});
afterEach(() => vi.useRealTimers());

describe("SettleBuffer", () => {
  it("logs only the settled end of search-as-you-type, never its prefixes", () => {
    for (const q of ["te", "te la", "te laa", "te laat", "te laat melden"]) {
      buf.typing("1.2.3.4", e(q));
      vi.advanceTimersByTime(1000);
    }
    expect(logged).toEqual([]);
    vi.advanceTimersByTime(4000);
    expect(logged).toEqual(["te laat melden"]);
  });

  it("a submitted search drops the typed prefixes it completes", () => {
    buf.typing("v", e("te laa"));
    buf.submitted("v", e("te laat melden"));
    vi.advanceTimersByTime(10_000);
    expect(logged).toEqual(["te laat melden"]);
  });

  it("a correction replaces what it corrects (backspace, then another ending)", () => {
    buf.typing("v", e("vakantieverlog"));
    buf.typing("v", e("vakantieverlo"));
    buf.typing("v", e("Vakantieverlof"));
    vi.advanceTimersByTime(4000);
    expect(logged).toEqual(["Vakantieverlof"]);
  });

  it("keeps visitors apart, and logs a settled search when the visitor moves to another subject", () => {
    buf.typing("a", e("ziekmelding"));
    buf.typing("b", e("zie"));
    buf.typing("a", e("leerplicht"));
    expect(logged).toEqual(["ziekmelding"]);
    vi.advanceTimersByTime(4000);
    expect(logged.sort()).toEqual(["leerplicht", "zie", "ziekmelding"]);
  });

  it("logs a held search at once when its suggestion is clicked", () => {
    const x = e("verlof");
    buf.typing("v", x);
    buf.releaseId(x.id);
    expect(logged).toEqual(["verlof"]);
    vi.advanceTimersByTime(4000);
    expect(logged).toEqual(["verlof"]);
  });

  it("is bounded: the oldest held search is logged when too many visitors type at once", () => {
    for (const v of ["a", "b", "c", "d"]) buf.typing(v, e(`vraag ${v}`));
    expect(buf.size).toBe(3);
    expect(logged).toEqual(["vraag a"]);
  });

  it("compares folded text", () => {
    expect(settleKey("  Ziekte  Meldén ")).toBe("ziekte melden");
  });
});
