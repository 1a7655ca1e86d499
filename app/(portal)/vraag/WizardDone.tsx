"use client";
// After sending: the reference, who answers and when, the phone for urgent matters, and the follow-up link.
import type { RefObject } from "react";
import { deskWithArticle } from "@/app/_modules/desks/article";
import type { Desk, Done } from "./wizard-model";

export function WizardDone({
  done,
  desks,
  headingRef,
}: {
  done: Done;
  desks: Desk[];
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const desk = desks.find((d) => d.id === done.deskId);
  return (
    <section aria-labelledby="done-title">
      <h2 id="done-title" ref={headingRef} tabIndex={-1}>
        Uw vraag is verstuurd
      </h2>
      <div className="alert alert-success" role="status">
        <p>
          Uw referentie is <strong>{done.reference}</strong>. Wij hebben een bevestiging gemaild met een link om uw
          vraag te volgen.
        </p>
      </div>
      {desk && (
        <p>
          {deskWithArticle(desk.name, desk.article, true)} beantwoordt uw vraag. U krijgt in de regel binnen 1 werkdag
          een eerste reactie. Dringend? Bel <a href={`tel:${desk.phoneHref}`}>{desk.phone}</a> ({desk.hoursText}) en
          noem uw referentie.
        </p>
      )}
      <p>
        <a className="btn" href={done.followUpUrl}>
          Uw vraag volgen
        </a>
      </p>
    </section>
  );
}
