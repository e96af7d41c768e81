import { Anchor, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface RecordPageStatusProps {
  /** True while the record is read; false: it was not found. */
  loading: boolean;
  /** "Not found" in the page's words. */
  notFound: string;
  /** The list to go back to, and its link's text. */
  backTo: string;
  backLabel: string;
}

/**
 * What a record's page (`/accounts/:id`, `/incidents/:id`, `/tickets/:id`)
 * shows before it has its record: a loader while it is read, else "not
 * found" with a link back to the list.
 */
export function RecordPageStatus({ loading, notFound, backTo, backLabel }: RecordPageStatusProps) {
  const { t } = useTranslation('common');
  if (loading) {
    return (
      <Center p="xl">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  return (
    <Stack>
      <Text>{notFound}</Text>
      <Anchor component={Link} to={backTo}>
        {backLabel}
      </Anchor>
    </Stack>
  );
}
