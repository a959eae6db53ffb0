export function generateNetwork(size: number, seed?: number): Record<string, unknown>;
