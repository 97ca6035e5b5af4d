import contentApi from './content-api';
import admin from './admin';
import widgets from './widgets';

export default {
  'content-api': contentApi,
  admin,
  widgets,
};
