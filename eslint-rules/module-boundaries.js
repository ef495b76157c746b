// @ts-check
// A local ESLint rule: a file in src/modules/<a>/ may not import the repository or the schema of another
// module src/modules/<b>/ — it goes through <b>'s service. Import paths are resolved against the importing
// file, so `../customers/customers.schema.js` and `../../modules/customers/customers.schema.js` are the same.
// One exception: a *.schema.ts may import another module's schema, because a foreign key names the other table.
import path from 'node:path';

const MODULES = `${path.sep}src${path.sep}modules${path.sep}`;

/** The module folder a path lies in ("customers"), or null when the path is not under src/modules. */
function moduleOf(file) {
  const i = file.lastIndexOf(MODULES);
  if (i < 0) return null;
  return file.slice(i + MODULES.length).split(path.sep)[0] || null;
}

/** @type {import('eslint').Rule.RuleModule} */
const noForeignModuleInternals = {
  meta: {
    type: 'problem',
    docs: { description: "a module reaches another module only through its service, never its repository or schema" },
    messages: {
      foreign: "src/modules/{{from}} may not import {{what}} of module '{{to}}' ({{source}}): call the {{to}} service instead.",
    },
    schema: [],
  },
  create(context) {
    const filename = path.resolve(context.filename);
    const own = moduleOf(filename);
    if (!own) return {};
    /** @param {any} node */
    function check(node) {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.resolve(path.dirname(filename), source.value);
      const to = moduleOf(target);
      if (!to || to === own) return;
      const base = path.basename(target);
      const what = /\.repository(\.[jt]s)?$/.test(base) ? 'the repository' : /\.schema(\.[jt]s)?$/.test(base) ? 'the schema' : null;
      if (!what) return;
      // a schema may name another module's table in a foreign key: that constraint lives in the database
      if (what === 'the schema' && /\.schema\.ts$/.test(filename)) return;
      context.report({ node: source, messageId: 'foreign', data: { from: own, to, what, source: source.value } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { 'no-foreign-module-internals': noForeignModuleInternals } };
