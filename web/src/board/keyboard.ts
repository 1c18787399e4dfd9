// Keyboard dragging: the arrow keys move a picked-up card from column to column of its lane (one press, one
// column), rather than dnd-kit's default of a few pixels per press.
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft' && event.code !== 'ArrowUp' && event.code !== 'ArrowDown') return undefined;
  event.preventDefault();
  if (event.code === 'ArrowUp' || event.code === 'ArrowDown') return undefined; // the lane is not the question
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + Math.min(collisionRect.height / 2, 24);
  let best: { left: number; width: number; distance: number } | null = null;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect || cy < rect.top || cy > rect.bottom) continue; // another lane
    const distance = event.code === 'ArrowRight' ? rect.left + rect.width / 2 - cx : cx - (rect.left + rect.width / 2);
    if (distance > 4 && (!best || distance < best.distance)) best = { left: rect.left, width: rect.width, distance };
  }
  if (!best) return undefined;
  return { x: best.left + (best.width - collisionRect.width) / 2, y: currentCoordinates.y };
};
