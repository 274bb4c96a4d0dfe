/** Full-page message for failures that leave the app unable to show any screen. */
export function StartupError(props: { message: string }) {
  return (
    <main className="centered-page">
      <section
        className="card startup-error"
        role="alert"
        aria-labelledby="startup-error-heading"
      >
        <h1 id="startup-error-heading">Field Credit Check could not start</h1>
        <p>{props.message}</p>
        <p className="muted">
          Quit the app and open it again. If this keeps happening, tell IT.
        </p>
      </section>
    </main>
  );
}
