import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DownOutlined, HolderOutlined, RightOutlined } from '@ant-design/icons';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ErrorSchema } from '@rjsf/utils';
import { Alert, Button, Card, Empty, Flex, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';
import { BlockSettingsForm } from './BlockSettingsForm';
import { blockSummary, moveBlockBy, moveBlockOnto, type EditorBlock } from './blocks';

export interface BlockType {
  type: string;
  title: string;
  description: string;
  schema: unknown;
}

interface Props {
  blocks: readonly EditorBlock[];
  types: readonly BlockType[];
  onChange: (blocks: readonly EditorBlock[]) => void;
  /** Add a block of `type`; returns the new block's id (its settings are opened). */
  onAdd: (type: BlockType) => string;
  onRemove: (block: EditorBlock) => void;
  onSettings: (id: string, settings: Record<string, unknown>) => void;
  errors: Record<string, ErrorSchema>;
  readOnly: boolean;
  /** Say a change out loud (an aria-live region of the editor). */
  announce: (text: string) => void;
}

interface ItemProps {
  block: EditorBlock;
  index: number;
  total: number;
  name: string;
  type: BlockType | undefined;
  expanded: boolean;
  onToggle: () => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onSettings: (settings: Record<string, unknown>) => void;
  errors: ErrorSchema | undefined;
  readOnly: boolean;
}

function SortableBlock({ block, index, total, name, type, expanded, onToggle, onMove, onRemove, onSettings, errors, readOnly }: ItemProps) {
  const t = useT();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: block.id,
    disabled: readOnly,
  });
  const summary = blockSummary(block);
  // Buttons are named by the block's type and place: two blocks of one type stay apart.
  const label = t('content.blocks.label', { name, n: index + 1, total });
  const hasErrors = errors !== undefined && Object.keys(errors).length > 0;
  return (
    <li
      ref={setNodeRef}
      data-testid={`block-${block.id}`}
      data-block-type={block.type}
      data-index={index}
      style={{
        listStyle: 'none',
        transform: CSS.Transform.toString(transform),
        transition,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
        opacity: isDragging ? 0.85 : undefined,
      }}
    >
      <Card size="small" style={{ borderColor: hasErrors ? '#ff4d4f' : undefined }} styles={{ body: { padding: expanded ? 12 : 0 } }}
        title={
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {!readOnly && (
              <Button
                ref={setActivatorNodeRef}
                type="text"
                size="small"
                icon={<HolderOutlined aria-hidden />}
                aria-label={t('content.blocks.drag', { name: label })}
                data-testid={`block-handle-${block.id}`}
                style={{ cursor: 'grab', touchAction: 'none' }}
                {...attributes}
                {...listeners}
              />
            )}
            <Button
              type="text"
              size="small"
              aria-expanded={expanded}
              aria-controls={`block-body-${block.id}`}
              data-testid={`block-toggle-${block.id}`}
              onClick={onToggle}
              icon={expanded ? <DownOutlined aria-hidden /> : <RightOutlined aria-hidden />}
              style={{ minWidth: 0, overflow: 'hidden' }}
            >
              <span style={{ fontWeight: 600 }}>{name}</span>
            </Button>
            {summary && (
              <Typography.Text type="secondary" ellipsis style={{ minWidth: 0, flex: 1, fontWeight: 400 }}>
                {summary}
              </Typography.Text>
            )}
          </Flex>
        }
        extra={
          !readOnly && (
            <Flex gap={2}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined aria-hidden />}
                aria-label={t('content.blocks.moveUp', { name: label })}
                data-testid={`block-up-${block.id}`}
                disabled={index === 0}
                onClick={() => onMove(-1)}
              />
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined aria-hidden />}
                aria-label={t('content.blocks.moveDown', { name: label })}
                data-testid={`block-down-${block.id}`}
                disabled={index === total - 1}
                onClick={() => onMove(1)}
              />
              <Popconfirm
                title={t('content.blocks.removeConfirm')}
                okText={t('content.actions.yes')}
                cancelText={t('content.actions.no')}
                okButtonProps={{ danger: true, 'data-testid': 'block-remove-confirm' }}
                onConfirm={onRemove}
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('content.blocks.remove', { name: label })}
                  data-testid={`block-remove-${block.id}`}
                />
              </Popconfirm>
            </Flex>
          )
        }
      >
        {expanded && (
          <section id={`block-body-${block.id}`} aria-label={t('content.blocks.edit', { name: label })}>
            {type ? (
              <>
                {errors?.__errors && errors.__errors.length > 0 && (
                  <Alert type="error" showIcon title={errors.__errors.join(' ')} data-testid={`block-errors-${block.id}`} style={{ marginBottom: 12 }} />
                )}
                {type.description && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                    {type.description}
                  </Typography.Paragraph>
                )}
                <BlockSettingsForm blockId={block.id} schema={type.schema} settings={block.settings} onChange={onSettings} errors={errors} disabled={readOnly} />
              </>
            ) : (
              <Alert type="warning" showIcon title={t('content.blocks.unknown', { type: block.type })} />
            )}
          </section>
        )}
      </Card>
    </li>
  );
}

/**
 * The ordered blocks of a draft: add (from the server's block types), remove, reorder by drag
 * (pointer or keyboard on the handle: Space, arrows, Space) or with the up/down buttons, and each
 * block's settings form. Moves are announced in the UI's language.
 */
export function BlockList({ blocks, types, onChange, onAdd, onRemove, onSettings, errors, readOnly, announce }: Props) {
  const t = useT();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [adding, setAdding] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const typeOf = (type: string) => types.find((bt) => bt.type === type);
  const nameOf = (block: EditorBlock) => typeOf(block.type)?.title ?? block.type;
  const byId = (id: UniqueIdentifier) => blocks.find((b) => b.id === id);
  const position = (id: UniqueIdentifier | undefined) => blocks.findIndex((b) => b.id === id) + 1;
  const total = blocks.length;

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const block = byId(active.id);
      return block ? t('content.blocks.pickedUp', { name: nameOf(block), n: position(active.id), total }) : undefined;
    },
    onDragOver: ({ active, over }) => {
      const block = byId(active.id);
      return block && over ? t('content.blocks.over', { name: nameOf(block), n: position(over.id), total }) : undefined;
    },
    onDragEnd: ({ active, over }) => {
      const block = byId(active.id);
      return block && over ? t('content.blocks.dropped', { name: nameOf(block), n: position(over.id), total }) : undefined;
    },
    onDragCancel: ({ active }) => {
      const block = byId(active.id);
      return block ? t('content.blocks.cancelled', { name: nameOf(block) }) : undefined;
    },
  };

  function dragEnd({ active, over }: DragEndEvent) {
    const next = moveBlockOnto(blocks, String(active.id), over ? String(over.id) : null);
    if (next !== blocks) onChange(next);
  }

  function move(block: EditorBlock, delta: -1 | 1) {
    const next = moveBlockBy(blocks, block.id, delta);
    if (next === blocks) return;
    onChange(next);
    announce(t('content.blocks.moved', { name: nameOf(block), n: next.findIndex((b) => b.id === block.id) + 1, total }));
    // The button pressed may now be disabled (at an end): keep the focus on the moved block's other one.
    requestAnimationFrame(() => {
      const own = document.querySelector<HTMLButtonElement>(`[data-testid="block-${delta < 0 ? 'up' : 'down'}-${block.id}"]`);
      const other = document.querySelector<HTMLButtonElement>(`[data-testid="block-${delta < 0 ? 'down' : 'up'}-${block.id}"]`);
      (own && !own.disabled ? own : other)?.focus();
    });
  }

  function toggle(id: string) {
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function add(typeName: string) {
    const type = typeOf(typeName);
    if (!type) return;
    setAdding(null);
    const id = onAdd(type);
    setExpanded((open) => new Set(open).add(id));
  }

  return (
    <section aria-labelledby="content-blocks-title" data-testid="block-list">
      <Typography.Title level={2} id="content-blocks-title" style={{ fontSize: 18 }}>
        {t('content.blocks.title')}
      </Typography.Title>
      {!readOnly && (
        <Typography.Paragraph type="secondary" id="content-blocks-help">
          {t('content.blocks.help')}
        </Typography.Paragraph>
      )}
      {blocks.length === 0 ? (
        <Empty description={t('content.blocks.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={dragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: { draggable: t('content.blocks.help') },
          }}
        >
          <SortableContext items={blocks.map((b) => b.id)} strategy={verticalListSortingStrategy}>
            <ol style={{ padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }} aria-label={t('content.blocks.title')}>
              {blocks.map((block, index) => (
                <SortableBlock
                  key={block.id}
                  block={block}
                  index={index}
                  total={total}
                  name={nameOf(block)}
                  type={typeOf(block.type)}
                  // A block with problems stays open until they are fixed.
                  expanded={expanded.has(block.id) || errors[block.id] !== undefined}
                  onToggle={() => toggle(block.id)}
                  onMove={(delta) => move(block, delta)}
                  onRemove={() => onRemove(block)}
                  onSettings={(settings) => onSettings(block.id, settings)}
                  errors={errors[block.id]}
                  readOnly={readOnly}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {!readOnly && (
        <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
          <Select<string>
            data-testid="block-add"
            aria-label={t('content.blocks.add')}
            placeholder={t('content.blocks.addPlaceholder')}
            value={adding}
            onChange={add}
            options={types.map((bt) => ({ value: bt.type, label: bt.title, title: bt.description, 'data-testid': `block-type-${bt.type}` }))}
            style={{ minWidth: 240, maxWidth: '100%' }}
          />
        </Flex>
      )}
    </section>
  );
}
