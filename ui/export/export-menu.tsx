import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TandemApi } from '../api/client';
import { useT } from '../i18n/intl';

/**
 * Everything the viewer can see of one 1:1 — every held session, shared and their own private notes, goals,
 * action items — as a file. The API needs the sign-in header, so the file is fetched and handed over as a blob.
 */
export function ExportMenu({ api, pairId, other }: { api: TandemApi; pairId: string; other: string }) {
  const { t, locale } = useT();
  const [failed, setFailed] = useState(false);
  const download = async (format: 'markdown' | 'json') => {
    try {
      const text = await api.exportPairText(pairId, format, locale);
      const type = format === 'json' ? 'application/json' : 'text/markdown';
      const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `tandem-${pairId}.${format === 'json' ? 'json' : 'md'}`;
      document.body.append(link);
      link.click();
      link.remove();
      // The click has handed the blob to the download; freeing it after the current task keeps it valid.
      setTimeout(() => URL.revokeObjectURL(url));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<ArrowDownloadRegular />}>{t('exportMenu.button', { name: other })}</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => void download('markdown')}>{t('exportMenu.markdown')}</MenuItem>
            <MenuItem onClick={() => void download('json')}>{t('exportMenu.json')}</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {failed && (
        <Text role="alert" size={200}>
          {t('exportMenu.failed')}
        </Text>
      )}
    </>
  );
}
