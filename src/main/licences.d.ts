/** Packages shipped with the app and their licences, read from node_modules at build time (electron.vite.config.ts). */
declare const __APP_LICENCES__: { name: string; version: string; license: string }[]
