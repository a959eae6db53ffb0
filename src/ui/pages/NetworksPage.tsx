export function NetworksPage() {
  return <div className="page"><h1>Netwerken</h1></div>;
}
