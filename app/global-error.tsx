"use client";
// Shown only when the root layout itself fails: then there is no layout, so this page brings its own <html lang="nl">.
// The desks' numbers are written out here, as the footer that normally shows them could not be rendered.

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="nl">
      <body
        style={{
          fontFamily: "Arial, Helvetica, sans-serif",
          maxWidth: "40em",
          margin: "2rem auto",
          padding: "0 1rem",
          lineHeight: 1.5,
        }}
      >
        <main>
          <h1>Er ging iets mis aan onze kant</h1>
          <p>Het portaal kon deze pagina niet tonen. Dat ligt niet aan u.</p>
          <p>
            <button type="button" onClick={() => reset()}>
              Opnieuw proberen
            </button>
          </p>
          <form role="search" action="/zoeken" method="get">
            <label htmlFor="ge-q">Zoek een antwoord</label> <input id="ge-q" name="q" type="search" maxLength={200} />{" "}
            <button type="submit">Zoeken</button>
          </form>
          <p>
            Liever bellen? Helpdesk BRON PO: <a href="tel:+31505997766">050-599 77 66</a>. Informatiepunt Onderwijs
            (IPO): <a href="tel:+31505999000">050-599 90 00 (optie 4)</a>.
          </p>
        </main>
      </body>
    </html>
  );
}
