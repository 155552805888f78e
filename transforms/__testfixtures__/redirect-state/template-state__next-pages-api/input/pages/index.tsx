export default function Home() {
  return (
    <main>
      <h1>Creator dashboard</h1>
      <a href="/api/auth/login?returnTo=/analytics">Continue with TikTok</a>
    </main>
  );
}
