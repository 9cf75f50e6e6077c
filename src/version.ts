declare const __ESIM_VERSION__: string | undefined;

/** The SDK's version, injected at build time. */
export const VERSION: string = typeof __ESIM_VERSION__ === 'string' ? __ESIM_VERSION__ : '0.0.0-dev';
