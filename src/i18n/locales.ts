import type { Messages } from './en.js';

/**
 * The languages that ship beside English, each in a file of its own (`src/i18n/<tag>.ts`, exporting a `Messages`
 * object) that is loaded the first time an element speaks it: English pages never download them. Adding a language
 * is that file and one line here. The script-tag build turns each import into a chunk of its own, the npm build
 * into a module that bundlers split the same way.
 */
export const localeLoaders: Record<string, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh-CN.js').then((module) => module.zhCN),
  'zh-TW': () => import('./zh-TW.js').then((module) => module.zhTW),
  'zh-HK': () => import('./zh-HK.js').then((module) => module.zhHK),
  ja: () => import('./ja.js').then((module) => module.ja),
  ko: () => import('./ko.js').then((module) => module.ko),
  th: () => import('./th.js').then((module) => module.th),
  vi: () => import('./vi.js').then((module) => module.vi),
  id: () => import('./id.js').then((module) => module.id),
  ms: () => import('./ms.js').then((module) => module.ms),
};
