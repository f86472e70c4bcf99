import { documentedFields, staleFieldDocs } from '../../lib/templates/field-docs';
import { TEMPLATE_FIELDS } from '../../lib/templates/field-list';

describe('the template field docs (docs only, beside the runtime field list)', () => {
  it('document every field of the runtime list, in its order, with its type', () => {
    const docs = documentedFields();
    expect(docs.map(({ path, type }) => ({ path, type }))).toEqual(
      TEMPLATE_FIELDS.map(({ path, type }) => ({ path, type })),
    );
    for (const doc of docs) expect(doc.description).not.toBe('');
  });

  it('document no field the list no longer has', () => {
    expect(staleFieldDocs()).toEqual([]);
  });

  it('give a leaf field an example', () => {
    const leaves = documentedFields().filter(
      ({ type }) => type !== 'object' && type !== 'object or nil' && type !== 'list of objects',
    );
    for (const leaf of leaves) expect([leaf.path, leaf.example]).not.toEqual([leaf.path, '']);
  });
});
