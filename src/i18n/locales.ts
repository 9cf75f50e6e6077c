import type { Messages } from './en.js';

/**
 * The languages that ship beside English, each in a file of its own (`src/i18n/<tag>.ts`, exporting a `Messages`
 * object) that is loaded the first time an element speaks it: English pages never download them. Adding a language
 * is that file and one line here. The script-tag build turns each import into a chunk of its own, the npm build
 * into a module that bundlers split the same way.
 */
export const localeLoaders: Record<string, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh-CN.js').then((module) => module.zhCN),
};
