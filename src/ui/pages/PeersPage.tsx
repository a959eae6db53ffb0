export function PeersPage() {
  return <div className="page"><h1>Vergelijkbare gemeenten</h1></div>;
}
