/**
 * Storybook's view of our custom-elements manifest (`dist/custom-elements.json`, built by `cem analyze` from the
 * elements' JSDoc). Autodocs reads the cleaned manifest; `argTypesFor()` turns an element's public attributes and
 * CSS custom properties into controls, so a new element's story gets them without listing anything by hand.
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import rawManifest from '../../dist/custom-elements.json';

interface Described {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  attribute?: string;
  readonly?: boolean;
}
interface Attribute extends Described {
  fieldName?: string;
}
interface Declaration extends Described {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: Attribute[];
  events?: Described[];
  cssProperties?: Described[];
  cssParts?: Described[];
  slots?: Described[];
}
interface Manifest {
  schemaVersion: string;
  modules: { kind: string; path: string; declarations?: Declaration[] }[];
}

/** Public-looking members that are plumbing between our own elements, not API for the page. */
const PLUMBING = new Set(['store', 'storeConnected']);

/**
 * What autodocs should show: public fields and methods only; an attribute's property is named in the attribute's
 * row instead of being listed twice.
 */
export function cleanManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        if (!declaration.tagName) return declaration;
        const members = (declaration.members ?? []).filter(
          (member) =>
            (member.privacy ?? 'public') === 'public' &&
            !member.static &&
            !member.attribute &&
            !PLUMBING.has(member.name) &&
            !/^@internal\b/.test(member.description ?? ''),
        );
        const attributes = (declaration.attributes ?? []).map((attribute) => ({
          ...attribute,
          description: [attribute.description, attribute.fieldName && `Property: \`${attribute.fieldName}\`.`]
            .filter(Boolean)
            .join(' '),
        }));
        return { ...declaration, members, attributes };
      }),
    })),
  };
}

export const manifest = cleanManifest(rawManifest as unknown as Manifest);

/** Every custom element the manifest documents. */
export const elementDeclarations: Declaration[] = manifest.modules.flatMap(
  (module) => module.declarations?.filter((d) => d.tagName) ?? [],
);

export function declarationOf(tag: string): Declaration {
  const found = elementDeclarations.find((d) => d.tagName === tag);
  if (!found) throw new Error(`<${tag}> is not in dist/custom-elements.json: run \`npm run analyze\``);
  return found;
}

/** Every event any of our elements fires, for the Actions panel. */
export const eventNames: string[] = [...new Set(elementDeclarations.flatMap((d) => d.events?.map((e) => e.name) ?? []))];

/** `'popup' | 'redirect'` → `['popup', 'redirect']`; undefined when the type is not a union of string literals. */
function literalOptions(type: string | undefined): string[] | undefined {
  const parts = type?.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined');
  if (!parts?.length || !parts.every((part) => /^'[^']*'$/.test(part))) return undefined;
  return parts.map((part) => part.slice(1, -1));
}

export interface ArgTypeOptions {
  /** Options for attributes whose type is an alias the manifest cannot expand (e.g. `Period`). */
  options?: Record<string, readonly string[]>;
  /** Attributes the element sets itself (reflected state): shown in the table, no control. */
  readonly?: readonly string[];
}

/**
 * Controls for an element's public attributes and CSS custom properties, straight from the manifest. Arg names are
 * the attribute names (`warn-days`) and the custom property names (`--esim-badge-radius`); the story's template
 * binds them, and `cssVars(args)` turns the latter into a style.
 */
export function argTypesFor(tag: string, { options = {}, readonly = [] }: ArgTypeOptions = {}): ArgTypes {
  const declaration = declarationOf(tag);
  const argTypes: ArgTypes = {};
  for (const attribute of declaration.attributes ?? []) {
    const type = attribute.type?.text ?? 'string';
    const choices = options[attribute.name] ?? literalOptions(type);
    argTypes[attribute.name] = {
      description: attribute.description,
      table: { category: 'attributes', type: { summary: type }, defaultValue: { summary: attribute.default ?? '' } },
      control: readonly.includes(attribute.name)
        ? false
        : choices
          ? { type: 'select' }
          : /\bnumber\b/.test(type)
            ? { type: 'number' }
            : /\bboolean\b/.test(type)
              ? { type: 'boolean' }
              : { type: 'text' },
      ...(choices ? { options: [...choices] } : {}),
    };
  }
  for (const property of declaration.cssProperties ?? []) {
    argTypes[property.name] = {
      description: property.description,
      table: { category: 'css custom properties' },
      control: { type: /color|background/.test(property.name) ? 'color' : 'text' },
    };
  }
  // Parts and events are documented in the table; there is nothing to set.
  for (const cssPart of declaration.cssParts ?? []) {
    argTypes[cssPart.name] = { description: cssPart.description, table: { category: 'css shadow parts' }, control: false };
  }
  for (const event of declaration.events ?? []) {
    argTypes[event.name] = {
      description: event.description,
      table: { category: 'events', type: { summary: event.type?.text ?? 'Event' } },
      control: false,
    };
  }
  return argTypes;
}

/** The custom-property args that are set, as a style object for lit's `styleMap`. */
export function cssVars(args: Record<string, unknown>): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [name, value] of Object.entries(args)) {
    if (name.startsWith('--') && typeof value === 'string' && value !== '') style[name] = value;
  }
  return style;
}
