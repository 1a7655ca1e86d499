"use client";
// The article workspace: fields + Tiptap editor, autosave with retries and a local backup, a preview
// that uses the public renderer, the plain-language and link checks beside the text, and the workflow.
// The parts live in ./workspace: useAutosave, useLocalBackup, useWorkflowSteps and one component per panel.
import { useRouter } from "next/navigation";
import { useDeferredValue, useId, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { JSONContent } from "@tiptap/core";
import type { RuleOption } from "@/app/_components/editor/ArticleEditor";
import type { ArticleState } from "../actions";
import type { Choices } from "../data";
import { lazyZodResolver } from "@/app/_components/forms/lazy-resolver";
import type { ArticleFormValues } from "../schema";
import { LinksPanel, PlainLanguagePanel, showInEditor } from "./workspace/ChecksPanels";
import { EditPanel } from "./workspace/EditPanel";
import { BackupNotice, EditorTabs, ErrorSummary } from "./workspace/Notices";
import { PreviewPanel } from "./workspace/PreviewPanel";
import { SaveStatus } from "./workspace/SaveStatus";
import { keyOf, type SaveState } from "./workspace/shared";
import { useAutosave, useErrorSummary } from "./workspace/useAutosave";
import { useFormFields } from "./workspace/useFormFields";
import { useLocalBackup } from "./workspace/useLocalBackup";
import { useWorkflowSteps } from "./workspace/useWorkflowSteps";
import { WorkflowPanel } from "./workspace/WorkflowPanel";

export type WorkspaceProps = {
  /** Null for a new article. */
  state: ArticleState | null;
  currentUserId: string;
  values: ArticleFormValues;
  body: JSONContent;
  choices: Choices;
  rules: RuleOption[];
  defaultProtocolId: string;
  notice?: string | null;
};

/** The editor page's client part; see the file comment. */
export function ArticleWorkspace(props: WorkspaceProps) {
  const router = useRouter();
  const uid = useId();
  const [state, setState] = useState<ArticleState | null>(props.state);
  const [body, setBody] = useState<JSONContent>(props.body);
  const summary = useErrorSummary();
  const [saveState, setSaveState] = useState<SaveState>(
    props.state ? { kind: "saved", at: null, revision: props.state.revision } : { kind: "idle" },
  );
  const [tab, setTab] = useState<"edit" | "preview">("edit");

  const form = useForm<ArticleFormValues>({
    // zod and the schema load after the page (see lazy-resolver.ts); the server action validates again.
    resolver: lazyZodResolver(() => import("../schema").then((m) => m.articleFormSchema)),
    defaultValues: props.values,
    mode: "onTouched",
  });
  const { register, getValues, setError, trigger, reset, control } = form;
  const values = useWatch({ control }) as ArticleFormValues;

  const articleId = state?.articleId ?? null;
  const currentKey = keyOf(values, body);
  const savedKey = useRef(keyOf(props.values, props.body));
  const baseRevision = useRef<number | null>(props.state?.revision ?? null);
  const slugTouched = useRef(!!props.state);
  const latestKey = useRef(currentKey);
  latestKey.current = currentKey;
  const bodyRef = useRef(body);
  bodyRef.current = body;

  const working = state?.workingStatus ?? "draft";
  // A save takes an article in review back to draft; that must be a deliberate click, never an autosave.
  const autosave = !!state && working !== "in_review" && working !== "scheduled";
  const dirty = currentKey !== savedKey.current;

  const local = useLocalBackup({
    initialId: props.state?.articleId ?? null,
    initialValues: props.values,
    initialBody: props.body,
    articleId,
    values,
    body,
    currentKey,
    savedKey,
    latestKey,
    baseRevision,
  });

  const { save, ensureSaved } = useAutosave({
    articleId,
    getValues,
    trigger,
    setError,
    summary,
    router,
    latestKey,
    savedKey,
    bodyRef,
    baseRevision,
    setSaveState,
    setState,
    autosave,
    dirty,
    backupOffered: !!local.backup,
    currentKey,
  });

  const steps = useWorkflowSteps({
    uid,
    articleId,
    baseRevision,
    setState,
    setSaveState,
    ensureSaved,
    notice: props.notice,
  });

  // ---- checks beside the text
  const deferredBody = useDeferredValue(body);
  const restoreBackup = () => {
    const b = local.take();
    if (!b) return;
    reset({ ...b.values, questions: b.values.questions ?? [] }); // copies from before the questions field
    setBody(b.body);
    setSaveState({ kind: "dirty" });
  };

  const fields = useFormFields(form, values, summary.bodyError, slugTouched);

  return (
    <div className="redactie-editor">
      <ErrorSummary
        uid={uid}
        summaryRef={summary.ref}
        show={summary.show}
        serverError={summary.serverError}
        entries={fields.errorEntries}
      />
      {local.backup && (
        <BackupNotice backup={local.backup} state={state} onRestore={restoreBackup} onDiscard={local.discard} />
      )}
      <SaveStatus
        state={saveState}
        autosave={autosave}
        isNew={!articleId}
        onRetry={() => void save({ manual: true })}
      />
      <EditorTabs uid={uid} tab={tab} onChange={setTab} />

      <div className={`two-col editor-grid${tab === "preview" ? " is-preview" : ""}`}>
        <div>
          <EditPanel
            uid={uid}
            tab={tab}
            onSubmit={() => void save({ manual: true, note: steps.note }).then((r) => r && steps.setNote(""))}
            register={register}
            fields={fields}
            slug={values.slug}
            choices={props.choices}
            body={body}
            onBodyChange={setBody}
            bodyError={summary.bodyError}
            rules={props.rules}
            defaultProtocolId={props.defaultProtocolId}
            saving={saveState.kind === "saving"}
            articleId={articleId}
            working={working}
          />

          <PreviewPanel uid={uid} tab={tab} body={body} values={values} audiences={props.choices.audiences} />
        </div>

        <aside className="editor-side" aria-label="Status en controles">
          <WorkflowPanel uid={uid} state={state} working={working} currentUserId={props.currentUserId} steps={steps} />
          <PlainLanguagePanel
            uid={uid}
            body={deferredBody}
            title={values.title ?? ""}
            summary={values.summary ?? ""}
            onShowInText={(from, to) => {
              setTab("edit");
              showInEditor(uid, from, to);
            }}
          />
          <LinksPanel uid={uid} body={deferredBody} />
        </aside>
      </div>
    </div>
  );
}
