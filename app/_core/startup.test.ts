// The job registry: _core runs what modules register, in order, and one failing job does not stop the others.
import { describe, expect, it, vi } from "vitest";
import { everyTick, registeredJobs, runPeriodicJobs } from "./startup";

describe("background job registry", () => {
  it("runs periodic jobs in the order registered and logs a failure without stopping the rest", async () => {
    const ran: string[] = [];
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    everyTick("test-a", async () => void ran.push("a"));
    everyTick("test-b", async () => {
      ran.push("b");
      throw new Error("boom");
    });
    everyTick("test-c", async () => void ran.push("c"));
    await runPeriodicJobs();
    expect(ran).toEqual(["a", "b", "c"]);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it("registering a name again replaces its job", async () => {
    const ran: string[] = [];
    everyTick("test-twice", async () => void ran.push("first"));
    everyTick("test-twice", async () => void ran.push("second"));
    expect(registeredJobs().periodic.filter((n) => n === "test-twice")).toHaveLength(1);
    await runPeriodicJobs();
    expect(ran).toEqual(["second"]);
  });

  it("the app's wiring registers every module's jobs", async () => {
    await import("@/app/background-jobs");
    const jobs = registeredJobs();
    expect(jobs.startup).toEqual(expect.arrayContaining(["search-index", "page-cache"]));
    expect(jobs.background).toContain("ticket-index");
    expect(jobs.periodic).toEqual(
      expect.arrayContaining(["outbox", "webhooks", "prune-rate-limits", "publish-due-articles"]),
    );
  });
});
