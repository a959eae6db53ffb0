import { it } from 'vitest';
import { importJsonText } from '../../../src/io/importNetwork';
it('json', () => {
  for (const t of [
    '{"a": NaN}',
    '{"a": +1}',
    '{"a": .5}',
    '{\n "a": [1,\n 2 3]}',
    "{'a': 1}",
    '['.repeat(10000) + ']'.repeat(10000),
    '{"format":"netwerkkaart","version":1,"organisations":[1],"relations":[null]}',
    '{"format":"netwerkkaart","version":1,"organisations":[{"id":"a","kind":"association","name":"A","x":{"__proto__":1}}],"relations":[]}',
    '{"a": "\\x"}',
    '{"a": 01}',
    '{"a": tru}',
    '[1,2',
    '{"a":1}}',
  ]) {
    const r = importJsonText(t);
    console.log(
      JSON.stringify(t.slice(0, 50)),
      '=>',
      r.ok ? 'ok' : r.errors.map((e) => e.where + ': ' + e.message).join(' | '),
    );
  }
});
