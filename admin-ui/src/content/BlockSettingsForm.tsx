import { generateForm } from '@rjsf/antd';
import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import { useMemo } from 'react';
import { useI18n, type Lang } from '../i18n';
import { rjsfTranslator } from '../pages/plugins/rjsfStrings';
import { validatorFor } from '../pages/plugins/validator';
import { IMAGE_WIDGET, blockFormSchema, blockUiSchema } from './forms';
import { ImageRefInput } from './ImageRefInput';

type Settings = Record<string, unknown>;

const Form = generateForm<Settings>();
const FORM_CONTEXT = { labelAlign: 'left', colSpan: 24, rowGutter: 16 };

/** rjsf's widget for an image ref field (an empty text is no value). */
export function ImageRefWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder }: WidgetProps) {
  const text = typeof value === 'string' ? value : '';
  return (
    <ImageRefInput
      id={id}
      value={text}
      disabled={disabled}
      readOnly={readonly}
      placeholder={placeholder}
      onChange={(next) => onChange(next === '' ? undefined : next)}
      onBlur={() => onBlur(id, text)}
      onFocus={() => onFocus(id, text)}
    />
  );
}

const WIDGETS: RegistryWidgetsType = { [IMAGE_WIDGET]: ImageRefWidget };

/**
 * The problems of a block's settings by its type's schema (an rjsf ErrorSchema, empty when
 * none), in the UI's language: the editor checks every block before saving.
 */
export function blockErrors(settings: Settings, schema: unknown, lang: Lang): ErrorSchema {
  const { errors, errorSchema } = validatorFor(lang).validateFormData(settings, blockFormSchema(schema));
  return errors.length ? errorSchema : {};
}

interface Props {
  blockId: string;
  schema: unknown;
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** Problems to show on the fields (from the last save or the check before it). */
  errors?: ErrorSchema;
  disabled?: boolean;
}

/** A block's settings form, generated from its type's JSON Schema (rjsf, antd theme). */
export function BlockSettingsForm({ blockId, schema, settings, onChange, errors, disabled }: Props) {
  const { lang } = useI18n();
  const formSchema = useMemo(() => blockFormSchema(schema), [schema]);
  const uiSchema = useMemo(() => blockUiSchema(formSchema), [formSchema]);
  return (
    <Form
      className="content-block-form"
      schema={formSchema}
      uiSchema={uiSchema}
      widgets={WIDGETS}
      formContext={FORM_CONTEXT}
      formData={settings}
      validator={validatorFor(lang)}
      translateString={rjsfTranslator(lang)}
      extraErrors={errors}
      showErrorList={false}
      noHtml5Validate
      idPrefix={`block-${blockId}`}
      disabled={disabled}
      onChange={(event: IChangeEvent<Settings, RJSFSchema>) => onChange(event.formData ?? {})}
      onSubmit={() => undefined}
    />
  );
}
