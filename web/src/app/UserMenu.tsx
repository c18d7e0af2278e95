import { useEffect, useId, useRef, useState } from 'react';
import type { Role, SessionUser } from '../api/schemas.ts';
import { Icon } from '../components/Icon.tsx';
import { useT } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { useSession } from './session.tsx';

export const ROLE_LABELS: Readonly<Record<Role, MessageKey>> = {
  admin: 'role.admin',
  chief: 'role.chief',
  analyst: 'role.analyst',
  attraction: 'role.attraction',
  land: 'role.land',
  innovation: 'role.innovation',
  fund: 'role.fund',
  firm: 'role.firm',
  viewer: 'role.viewer',
};

/** The user's name opens a small panel with role, data scope and sign-out (Escape or a click outside closes it). */
export function UserMenu({ user }: { user: SessionUser }) {
  const t = useT();
  const { signOut } = useSession();
  const [isOpen, setOpen] = useState(false);
  const [isSigningOut, setSigningOut] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const name = user.displayName ?? user.username;

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [isOpen]);

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut();
  };

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={`${t('header.userMenu')}: ${name}`}
        data-testid="user-menu"
        onClick={() => setOpen((open) => !open)}
      >
        <span className="avatar" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="user-menu__name">{name}</span>
        <Icon name="chevronDown" size={16} />
      </button>
      {isOpen && (
        <div className="user-menu__panel" id={panelId}>
          <dl className="user-menu__facts">
            <div>
              <dt>{t('header.role')}</dt>
              <dd data-testid="user-role">{t(ROLE_LABELS[user.role])}</dd>
            </div>
            <div>
              <dt>{t('header.scopes')}</dt>
              <dd>{user.scopes.join(', ')}</dd>
            </div>
          </dl>
          <button type="button" className="button button--block" data-testid="sign-out" disabled={isSigningOut} onClick={onSignOut}>
            <Icon name="signOut" />
            {isSigningOut ? t('header.signingOut') : t('header.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
