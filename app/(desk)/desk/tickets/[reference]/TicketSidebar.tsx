"use client";
// The ticket's settings: status, assignee, topic, tags (autocomplete; new tags by admins only), transfer to the
// other desk with a reason, merge into another ticket, and related tickets. Each card lives in ./sidebar; each form
// calls its server action and reloads the page's data; errors appear next to the field and are announced in the
// one status region below.
import { ArticleDraftCard, type DraftArticle } from "./sidebar/ArticleDraftCard";
import { HandlingCard } from "./sidebar/HandlingCard";
import { MergeLinksCard } from "./sidebar/MergeLinksCard";
import { useActionRunner } from "./sidebar/shared";
import { TopicTagsCard } from "./sidebar/TopicTagsCard";
import { TransferCard } from "./sidebar/TransferCard";

type Props = {
  reference: string;
  userId: string;
  status: string;
  deskId: string;
  permissions: {
    reply: boolean;
    note: boolean;
    statuses: string[];
    edit: boolean;
    transferTo: string[];
    createTags: boolean;
  };
  assigneeId: string | null;
  assignable: { id: string; name: string }[];
  topic: string | null;
  topics: { id: string; label: string }[];
  tags: string[];
  allTags: string[];
  links: { reference: string; subject: string; status: string }[];
  transferTargets: { id: string; label: string }[];
  articles: { linked: DraftArticle[]; joinable: DraftArticle[]; isEditor: boolean };
};

export function TicketSidebar(p: Props) {
  const { run, announcement, router } = useActionRunner();
  const canEdit = p.permissions.edit;

  return (
    <>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>

      <HandlingCard
        reference={p.reference}
        userId={p.userId}
        status={p.status}
        canEdit={canEdit}
        statuses={p.permissions.statuses}
        assigneeId={p.assigneeId}
        assignable={p.assignable}
        run={run}
      />

      <TopicTagsCard
        reference={p.reference}
        canEdit={canEdit}
        canCreateTags={p.permissions.createTags}
        topic={p.topic}
        topics={p.topics}
        tags={p.tags}
        allTags={p.allTags}
        run={run}
      />

      <ArticleDraftCard
        reference={p.reference}
        resolved={p.status === "resolved" || p.status === "closed"}
        isEditor={p.articles.isEditor}
        linked={p.articles.linked}
        joinable={p.articles.joinable}
        run={run}
      />

      {p.transferTargets.length > 0 && (
        <TransferCard
          reference={p.reference}
          targets={p.transferTargets}
          onDone={(stillVisible, reference) =>
            stillVisible ? router.push(`/desk/tickets/${reference}`) : router.push("/desk?doorgestuurd=1")
          }
        />
      )}

      {canEdit && (
        <MergeLinksCard
          reference={p.reference}
          links={p.links}
          run={run}
          onMerged={(targetReference) => router.push(`/desk/tickets/${targetReference}?samengevoegd=${p.reference}`)}
        />
      )}
    </>
  );
}
