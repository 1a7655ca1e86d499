// Server-side lookups the editor pages share: taxonomy choices and the protocol rules for the picker.
import type { RuleOption } from "@/app/_components/editor/ArticleEditor";
import { getTaxonomy } from "@/app/_modules/content/store";
import { defaultProtocol, protocolList } from "@/app/_modules/protocol/engine/definition";
import { ruleView } from "@/app/_modules/protocol/engine/rule-view";
import { getProtocols } from "@/app/_modules/protocol/store";

export type Choice = { id: string; label: string };
export type Choices = { audiences: Choice[]; sectors: Choice[]; topics: Choice[] };

/** Audiences, sectors and topics as id + label. */
export async function taxonomyChoices(): Promise<Choices> {
  const t = await getTaxonomy();
  const pick = (l: { id: string; label: string }[]) => l.map(({ id, label }) => ({ id, label }));
  return { audiences: pick(t.audiences), sectors: pick(t.sectors), topics: pick(t.topics) };
}

/** Every rule of every protocol (default protocol first), with its title and threshold in words. */
export async function ruleOptions(): Promise<{
  rules: RuleOption[];
  defaultProtocolId: string;
  protocolNames: Record<string, string>;
}> {
  const set = await getProtocols();
  const list = protocolList(set);
  const def = defaultProtocol(set);
  const ordered = [def, ...list.filter((p) => p.id !== def.id)];
  const rules: RuleOption[] = [];
  for (const p of ordered) {
    for (const r of p.rules) {
      const view = ruleView(p, r.id);
      if (view) rules.push({ protocolId: p.id, id: r.id, title: view.title, thresholdText: view.thresholdText });
    }
  }
  return { rules, defaultProtocolId: def.id, protocolNames: Object.fromEntries(list.map((p) => [p.id, p.name])) };
}

/**
 * Rule references for the content-gap report: each rule once, where it is defined ("id" for the
 * default protocol, "protocol/id" otherwise), with its title.
 */
export async function gapRuleRefs(): Promise<{ refs: string[]; titles: Record<string, string> }> {
  const set = await getProtocols();
  const def = defaultProtocol(set);
  const refs: string[] = [];
  const titles: Record<string, string> = {};
  for (const p of protocolList(set)) {
    for (const r of p.rules) {
      if (r.definedIn !== p.id) continue;
      const ref = p.id === def.id ? r.id : `${p.id}/${r.id}`;
      refs.push(ref);
      titles[ref] = `${ruleView(p, r.id)?.title ?? r.id} (${p.name})`;
    }
  }
  return { refs, titles };
}
