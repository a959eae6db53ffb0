export function MapPage() {
  return <div className="page"><h1>Kaart</h1></div>;
}
