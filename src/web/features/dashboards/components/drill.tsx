import { UnstyledButton } from '@mantine/core';
import { createContext, type ReactNode, useContext } from 'react';
import type { Drill } from '../api';

/** Opens the rows behind a number (the page puts the drill-down in the address). */
export const DrillContext = createContext<(drill: Drill) => void>(() => undefined);

interface DrillNumberProps {
  drill: Drill;
  /** What the number counts, said with it: «٣ — متأخرة الآن، عرض الطلبات». */
  label: string;
  children: ReactNode;
  className?: string;
}

/** A number that opens the list it counts. A zero opens nothing: there is nothing behind it. */
export function DrillNumber({ drill, label, children, className }: DrillNumberProps) {
  const open = useContext(DrillContext);
  return (
    <UnstyledButton
      className={`dash-drill ${className ?? ''}`}
      aria-label={label}
      aria-haspopup="dialog"
      onClick={() => open(drill)}
    >
      {children}
    </UnstyledButton>
  );
}
