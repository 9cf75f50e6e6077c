// The TypeDoc half of docs/api.md (scripts/api-docs.mjs): the client's and the partner server client's entry points
// as Markdown (typedoc-plugin-markdown, one page per entry point), each page split into TypeDoc's own groups
// (Functions, Interfaces, Classes, Type Aliases) for the reference to arrange. Needs TypeScript 5's API: import it
// once scripts/typescript-5.mjs is in place, as scripts/api-docs.mjs does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Application,
  ArrayType,
  IndexedAccessType,
  Converter,
  IntrinsicType,
  ReferenceType,
  ReflectionKind,
  ReflectionType,
  UnionType,
  makeRecursiveVisitor,
  TypeScript as ts,
} from 'typedoc';

/** Writes the pages to `dir` and returns, per entry point, its groups' Markdown by title (`client('Functions')`). */
export async function renderTypeDoc(dir) {
  const app = await Application.bootstrapWithPlugins({
    entryPoints: ['src/client/index.ts', 'src/server/index.ts'],
    tsconfig: 'tsconfig.json',
    plugin: ['typedoc-plugin-markdown', 'typedoc-plugin-zod'],
    out: dir,
    router: 'module',
    readme: 'none',
    disableSources: true,
    hidePageTitle: true,
    hidePageHeader: true,
    hideBreadcrumbs: true,
    interfacePropertiesFormat: 'table',
    classPropertiesFormat: 'table',
    typeDeclarationFormat: 'table',
    parametersFormat: 'table',
    tableColumnSettings: { hideDefaults: true },
    sort: ['source-order'],
    // `npm run typecheck` checks the sources with TypeScript 7; TypeDoc only reads them.
    skipErrorChecking: true,
    logLevel: 'Warn',
    treatWarningsAsErrors: true,
  });
  linkSignatureTypes(app);
  spellOutIndexedTypes(app);
  tidyDataTypes(app);
  const project = await app.convert();
  if (!project) throw new Error('TypeDoc could not convert the entry points (see above)');
  await app.generateOutputs(project);
  return { client: groups(readFileSync(join(dir, 'client.md'), 'utf8')), server: groups(readFileSync(join(dir, 'server.md'), 'utf8')) };
}

/**
 * A page's `## Group` sections, by title (asking for one the page lacks is an error, not an empty section); links
 * to the other page become links within the one reference.
 */
function groups(page) {
  const byTitle = new Map();
  for (const section of page.replace(/\]\((?:client|server)\.md#/g, '](#').split(/^## /m).slice(1)) {
    const [title, ...body] = section.split('\n');
    byTitle.set(title.trim(), body.join('\n').trim() + '\n');
  }
  return (title) => {
    if (!byTitle.has(title)) throw new Error(`TypeDoc's page has no "${title}" group (it has ${[...byTitle.keys()].join(', ')})`);
    return byTitle.get(title);
  };
}

/**
 * Parameter and return types as the source writes them. TypeDoc reads a signature's types from the checker, which
 * has no name for a type argument like the `Card` in `Promise<Card>` when `Card` is `z.infer<typeof Card>`: it would
 * spell out the whole object. Converting the written type node keeps `Promise<Card>`, linked to Card.
 */
function linkSignatureTypes(app) {
  app.converter.on(Converter.EVENT_CREATE_SIGNATURE, (context, signature, declaration) => {
    if (!declaration) return;
    const scope = context.withScope(signature);
    if (declaration.type) signature.type = fromNode(context, scope, signature.type, declaration.type);
    for (const [i, parameter] of (signature.parameters ?? []).entries()) {
      const node = declaration.parameters?.[i]?.type;
      if (node) parameter.type = fromNode(context, scope.withScope(parameter), parameter.type, node);
    }
  });
}

function fromNode(context, scope, previous, node) {
  previous?.visit(makeRecursiveVisitor({ reflection: (type) => context.project.removeReflection(type.declaration) }));
  return context.converter.convertType(scope, node);
}

/**
 * A type like `ServerErrorCode = (typeof ERROR_CODES)[number]` names an array that the reference does not show (it
 * documents types, not values): spell out its values instead, as the checker sees them. (As typedoc-plugin-zod does,
 * once TypeDoc has set the alias's type.)
 */
function spellOutIndexedTypes(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.TypeAlias)) return;
    context.converter.deferConversion(() => {
      if (!(reflection.type instanceof IndexedAccessType)) return;
      const declaration = context.getSymbolFromReflection(reflection)?.declarations?.find(ts.isTypeAliasDeclaration);
      if (declaration) reflection.type = context.converter.convertType(context.withScope(reflection), context.getTypeAtLocation(declaration));
    });
  });
}

/**
 * The data types' fields. typedoc-plugin-zod turns `z.infer<typeof Card>` into the object it is; a field whose
 * schema is another exported schema (`plan: Plan`, `orders: z.array(Order)`, `refund: z.nullable(Refund)`) then
 * shows that type's name, linked, instead of its fields again, and no field shows its schema as a "default value".
 * After typedoc-plugin-zod (priority 2000); before TypeDoc resolves links (priority 0).
 */
function tidyDataTypes(app) {
  app.converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    (context) => {
      const project = context.project;
      // The schemas are re-exported as types only (`export type *`): a page cannot use them as values.
      for (const variable of project.getReflectionsByKind(ReflectionKind.Variable)) project.removeReflection(variable);
      const aliases = new Map(project.getReflectionsByKind(ReflectionKind.TypeAlias).map((r) => [r.name, r]));
      const tidy = (fields = []) => {
        for (const field of fields) {
          field.defaultValue = undefined;
          const declaration = context.getSymbolFromReflection(field)?.declarations?.[0];
          const initializer = declaration && ts.isPropertyAssignment(declaration) ? declaration.initializer.getText() : '';
          const schema = initializer.match(/^((?:z\.(?:optional|nullable|array)\()*)(?:z\.lazy\(\(\) => )?(\w+)\)*$/);
          const target = schema && aliases.get(schema[2]);
          if (!target) {
            objectsIn(field.type).forEach((object) => tidy(object.children));
            continue;
          }
          field.type?.visit(makeRecursiveVisitor({ reflection: (type) => project.removeReflection(type.declaration) }));
          let type = ReferenceType.createResolvedReference(target.name, target, project);
          if (schema[1].includes('array(')) type = new ArrayType(type);
          if (schema[1].includes('nullable(')) type = new UnionType([type, new IntrinsicType('null')]);
          field.type = type;
        }
      };
      for (const alias of aliases.values()) objectsIn(alias.type).forEach((object) => tidy(object.children));
    },
    1000,
  );
}

/** The object types written out in a type: itself, or the members of a union (`PaymentAction`, `T | null`). */
function objectsIn(type) {
  if (type instanceof ReflectionType) return [type.declaration];
  if (type instanceof UnionType) return type.types.flatMap(objectsIn);
  return [];
}
