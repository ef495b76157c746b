#!/usr/bin/env node
// No page declares an API type by hand (issue 17 §1): API types come from web/src/api/schema.gen.ts.
// Lists every interface and object-literal type alias in web/src whose name is not one of the UI's
// own kinds (…Props, …Values, …State, …Options, …Column(s), …Context, …Entry), as file:line name,
// and exits 1 when there is any. A UI-only type with another name: rename it to say what it is.
//
//   node scripts/check-web-types.mjs        (npm run check:web-types)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = new URL('..', import.meta.url).pathname;
const WEB = join(ROOT, 'web/src');
const GENERATED = join(WEB, 'api/schema.gen.ts');
const UI_ONLY = /(Props|Values|State|Options|Columns?|Context|Entry)$/;

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && path !== GENERATED) yield path;
  }
}

/** An object type written out by hand: `{ … }`, or an intersection/union with one in it. */
function isObjectLiteral(type) {
  if (ts.isTypeLiteralNode(type)) return true;
  if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) return type.types.some(isObjectLiteral);
  if (ts.isParenthesizedTypeNode(type)) return isObjectLiteral(type.type);
  return false;
}

const found = [];
for (const file of sources(WEB)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    const declared =
      (ts.isInterfaceDeclaration(node) || (ts.isTypeAliasDeclaration(node) && isObjectLiteral(node.type))) && !UI_ONLY.test(node.name.text);
    if (declared) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${relative(ROOT, file)}:${line + 1} ${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (found.length) {
  console.log(found.join('\n'));
  console.error(`\n${found.length} hand-written type(s) in web/src look like API types: use Schemas/ApiResponse/ApiQuery/ApiBody from web/src/api/client.ts, or name a UI-only type …Props/…Values/…State/…Options/…Column(s)/…Context/…Entry`);
  process.exit(1);
}
console.log('check:web-types: no hand-written API types in web/src');
