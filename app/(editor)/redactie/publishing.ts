// What happens outside the database when an article goes live or goes offline: the search index is
// updated right after the commit (the public page is rendered per request, so it follows at once).
import { db } from "@/app/_core/db";
import { publishDueArticles, type WorkflowHooks } from "@/app/_modules/articles/workflow";
import { syncArticleInIndex } from "@/app/_modules/search/service";

/** Hooks for the workflow services: keep the search index in step with what is public. */
export const publishingHooks: WorkflowHooks = {
  onPublished: (articleId) => syncArticleInIndex(articleId),
  onUnpublished: (articleId) => syncArticleInIndex(articleId),
};

/** Periodic job: publishes scheduled articles whose time has come (registered in app/background-jobs.ts). */
export function publishDueJob(): Promise<{ published: string[] }> {
  return publishDueArticles(db(), { hooks: publishingHooks });
}
