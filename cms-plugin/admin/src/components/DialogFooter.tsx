import { Button, Modal } from '@strapi/design-system';

import { useT } from '../hooks/useT';

/**
 * The footer of an edit dialog: Cancel closes it, the save button shows the request running and
 * stays off while there is nothing valid to save or a save is under way.
 */
export const DialogFooter = ({
  saveLabel,
  onSave,
  canSave,
  busy,
}: {
  saveLabel: string;
  onSave: () => void;
  canSave: boolean;
  busy: boolean;
}) => {
  const { t } = useT();
  return (
    <Modal.Footer>
      <Modal.Close>
        <Button variant="tertiary">{t('cancel', 'Cancel')}</Button>
      </Modal.Close>
      <Button onClick={onSave} loading={busy} disabled={!canSave || busy}>
        {saveLabel}
      </Button>
    </Modal.Footer>
  );
};
