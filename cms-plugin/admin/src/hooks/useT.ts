import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { getTranslation } from '../utils/getTranslation';

type Values = Record<string, string | number>;

/** The plugin's messages by their short id (`rounds.title`); the English text is the fallback. */
export function useT() {
  const { formatMessage, formatNumber, formatDate } = useIntl();
  const t = useCallback(
    (id: string, defaultMessage: string, values?: Values) =>
      formatMessage({ id: getTranslation(id), defaultMessage }, values),
    [formatMessage]
  );
  return { t, formatNumber, formatDate };
}
