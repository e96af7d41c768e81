import { Button, FileButton, Group, Image, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isCommandError } from '../../../core';
import type { ProviderRequisites } from '../../../shared/domain';
import { useStore } from '../../app/services';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionCard } from '../../components/SectionCard';
import { useCommandMutation } from '../../hooks/useCommandMutation';
import { useUiLanguage } from '../../hooks/useUiLanguage';
import { commandErrorText } from '../../i18n/commandErrors';

/** As the store keeps it; the form reads the file itself so that a too-large logo is refused before saving. */
const MAX_LOGO_BYTES = 300 * 1024;

type TextField = 'nameKk' | 'nameRu' | 'bin' | 'addressKk' | 'addressRu' | 'iban' | 'bank' | 'bik' | 'kbe' | 'knp' | 'director' | 'chiefAccountant' | 'phone' | 'email';
type Values = Record<TextField, string> & { logo: string | null };

/** The command's field path (e.g. `name.kk`) → the form's field. */
const FIELD_OF: Record<string, TextField | 'logo'> = { 'name.kk': 'nameKk', 'name.ru': 'nameRu', 'address.kk': 'addressKk', 'address.ru': 'addressRu' };

const EMPTY: Values = { nameKk: '', nameRu: '', bin: '', addressKk: '', addressRu: '', iban: '', bank: '', bik: '', kbe: '17', knp: '859', director: '', chiefAccountant: '', phone: '', email: '', logo: null };

function valuesOf(r: ProviderRequisites | null): Values {
  if (!r) return EMPTY;
  return { nameKk: r.name.kk, nameRu: r.name.ru, bin: r.bin, addressKk: r.address.kk, addressRu: r.address.ru, iban: r.iban, bank: r.bank, bik: r.bik, kbe: r.kbe, knp: r.knp, director: r.director, chiefAccountant: r.chiefAccountant, phone: r.phone ?? '', email: r.email ?? '', logo: r.logo };
}

/** Settings → Provider requisites (admin): who issues the documents, printed on every invoice and act. */
export function RequisitesSettings() {
  const { t } = useTranslation('documents');
  const store = useStore();
  const stored = useLiveQuery(async () => ({ value: await store.getProviderRequisites() }), [store]);
  return <SectionCard title={t('requisites.title')}>{stored && <RequisitesForm initial={stored.value} />}</SectionCard>;
}

function RequisitesForm({ initial }: { initial: ProviderRequisites | null }) {
  const { t } = useTranslation('documents');
  const language = useUiLanguage();
  const store = useStore();
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [logoError, setLogoError] = useState<string | null>(null);
  const set = (patch: Partial<Values>) => setValues((current) => ({ ...current, ...patch }));
  const mutation = useCommandMutation((v: Values, opId) =>
    store.saveProviderRequisites({
      name: { kk: v.nameKk, ru: v.nameRu },
      bin: v.bin,
      address: { kk: v.addressKk, ru: v.addressRu },
      iban: v.iban,
      bank: v.bank,
      bik: v.bik,
      kbe: v.kbe,
      knp: v.knp,
      director: v.director,
      chiefAccountant: v.chiefAccountant,
      ...(v.phone.trim() === '' ? {} : { phone: v.phone }),
      ...(v.email.trim() === '' ? {} : { email: v.email }),
      logo: v.logo,
      opId,
    }),
  );
  const failedField = mutation.isError && isCommandError(mutation.error) && mutation.error.field ? (FIELD_OF[mutation.error.field] ?? mutation.error.field) : null;
  const message = mutation.isError ? commandErrorText(t, mutation.error, language) : null;
  const field = (name: TextField, label: string) => (
    <TextInput label={label} value={values[name]} onChange={(event) => set({ [name]: event.currentTarget.value })} error={failedField === name ? message : null} />
  );
  const readLogo = (file: File | null) => {
    setLogoError(null);
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES || !['image/png', 'image/jpeg'].includes(file.type)) {
      setLogoError(t('requisites.logoTooLarge'));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => set({ logo: String(reader.result) });
    reader.readAsDataURL(file);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.submit(values);
  };
  return (
    <form noValidate onSubmit={submit}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('requisites.text')}
      </Text>
      <ErrorAlert message={message} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {field('nameKk', t('requisites.nameKk'))}
        {field('nameRu', t('requisites.nameRu'))}
        {field('addressKk', t('requisites.addressKk'))}
        {field('addressRu', t('requisites.addressRu'))}
        {field('bin', t('requisites.bin'))}
        {field('iban', t('requisites.iban'))}
        {field('bank', t('requisites.bank'))}
        {field('bik', t('requisites.bik'))}
        {field('kbe', t('requisites.kbe'))}
        {field('knp', t('requisites.knp'))}
        {field('director', t('requisites.director'))}
        {field('chiefAccountant', t('requisites.chiefAccountant'))}
        {field('phone', t('requisites.phone'))}
        {field('email', t('requisites.email'))}
      </SimpleGrid>
      <Group mt="sm" align="center">
        {values.logo && <Image src={values.logo} alt={t('requisites.logoPreview')} h={48} w="auto" fit="contain" />}
        <FileButton onChange={readLogo} accept="image/png,image/jpeg">
          {(props) => (
            <Button variant="default" {...props}>
              {t('requisites.logo')}
            </Button>
          )}
        </FileButton>
        {values.logo && (
          <Button variant="subtle" color="red" onClick={() => set({ logo: null })}>
            {t('requisites.logoRemove')}
          </Button>
        )}
        {(logoError || failedField === 'logo') && (
          <Text c="red" size="sm" role="alert">
            {logoError ?? message}
          </Text>
        )}
      </Group>
      <Group mt="md" justify="space-between">
        {mutation.isSuccess ? (
          <Text size="sm" role="status">
            {t('requisites.saved')}
          </Text>
        ) : (
          <span />
        )}
        <Button type="submit" loading={mutation.isPending}>
          {t('requisites.save')}
        </Button>
      </Group>
    </form>
  );
}
