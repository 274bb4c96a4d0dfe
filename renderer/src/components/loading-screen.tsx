export function LoadingScreen() {
  return (
    <main className="centered-page">
      <p className="busy" role="status">
        <span className="spinner" aria-hidden="true" />
        Starting Field Credit Check…
      </p>
    </main>
  );
}
