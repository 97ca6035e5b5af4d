export const PLUGIN_ID = 'begroot';
