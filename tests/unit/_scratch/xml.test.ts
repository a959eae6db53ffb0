import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { exportGraphml, importGraphml } from '../../../src/io/graphmlFormat';
import { exportGexf, importGexf } from '../../../src/io/gexfFormat';
import { parseXmlDocument } from '../../../src/io/xmlDocument';
const doc = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8'));
it('xml', () => {
  const gm = exportGraphml(doc);
  const gx = exportGexf(doc);
  const j = gm.indexOf('</data>', gm.indexOf('<node id="GM0034">'));
  const r = importGraphml(gm.slice(0, j) + gm.slice(j + 7));
  console.log(r.ok ? 'OK!' : r.errors[0]);
  for (const frac of [0.18, 0.3, 0.42, 0.54, 0.9])
    for (const [n, t, f] of [
      ['graphml', gm, importGraphml],
      ['gexf', gx, importGexf],
    ] as const) {
      const cut = t.slice(0, Math.floor(t.length * frac));
      const t0 = performance.now();
      const res = f(cut);
      console.log(
        n,
        (cut.length / 1e6).toFixed(2),
        (performance.now() - t0).toFixed(0),
        'ms',
        res.ok ? 'OK' : res.errors[0]!.message.slice(0, 150),
      );
    }
  let t0 = performance.now();
  const ok = importGraphml(gm);
  console.log('full graphml', ok.ok, (performance.now() - t0).toFixed(0));
  t0 = performance.now();
  const ok2 = importGexf(gx);
  console.log('full gexf', ok2.ok, (performance.now() - t0).toFixed(0));
  for (const t of [
    '<graphml><graph><node id="a" x="1<2"/></graph></graphml>',
    '<graphml><graph>&#0;</graph></graphml>',
    '<graphml><graph>a & b</graph></graphml>',
    '<graphml><graph>\u0008</graph></graphml>',
    '<graphml><graph>x\uD800</graph></graphml>',
    '<graphml><graph><node id="a" id="b"/></graph></graphml>',
    '<graphml><graph><node id=a/></graph></graphml>',
    '<graphml><graph/></graphml><x/>',
    '<graphml><graph/></graphml>text',
    '<graphml><graph>&foo;</graph></graphml>',
    '<graphml><graph><y:node/></graph></graphml>',
    '<graphml>\n<graph>\n<node>\n</graph>\n</graphml>',
    '<graphml><graph></graph></graphm',
    '<!-- a -- b --><graphml/>',
    ' <?xml version="1.0"?><graphml/>',
    '<graphml><graph><node a="1"b="2"/></graph></graphml>',
    '<graphml><graph>]]></graph></graphml>',
  ]) {
    const p = parseXmlDocument(t, 'graphml', 'GraphML');
    console.log(JSON.stringify(t).slice(0, 60), '=>', p.ok ? 'OK' : p.issue.message);
  }
});
