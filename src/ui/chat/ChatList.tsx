import { useState } from 'react';
import type { Conversation } from '../../core/conversation';

interface Props {
  conversations: Conversation[];
  activeId: string;
  onNew: () => void;
  onOpen: (id: string) => void;
  onRename: (id: string, title: string) => void;
  onDelete: (id: string) => void;
}

function ChatItem({ conversation, active, onOpen, onRename, onDelete }: { conversation: Conversation; active: boolean } & Omit<Props, 'conversations' | 'activeId' | 'onNew'>) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  if (editing) {
    return (
      <li className="chat-item">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onRename(conversation.id, title);
            setEditing(false);
          }}
        >
          <label>
            Chat name
            <input value={title} autoFocus onChange={(event) => setTitle(event.target.value)} onKeyDown={(event) => event.key === 'Escape' && setEditing(false)} />
          </label>
          <button type="submit">Save name</button>
        </form>
      </li>
    );
  }
  return (
    <li className={active ? 'chat-item chat-item--active' : 'chat-item'}>
      <button type="button" className="chat-item__open" aria-current={active ? 'true' : undefined} title={conversation.title} onClick={() => onOpen(conversation.id)}>
        {conversation.title}
      </button>
      <button type="button" aria-label={`Rename ${conversation.title}`} onClick={() => setEditing(true)}>
        Rename
      </button>
      <button
        type="button"
        aria-label={`Delete ${conversation.title}`}
        onClick={() => window.confirm(`Delete the chat "${conversation.title}"?`) && onDelete(conversation.id)}
      >
        Delete
      </button>
    </li>
  );
}

export function ChatList({ conversations, activeId, onNew, ...actions }: Props) {
  return (
    <section className="chats" aria-labelledby="chats-heading">
      <h2 id="chats-heading">Chats</h2>
      <button type="button" onClick={onNew}>
        New chat
      </button>
      {conversations.length > 0 && (
        <ul aria-label="Saved chats">
          {conversations.map((conversation) => (
            <ChatItem key={conversation.id} conversation={conversation} active={conversation.id === activeId} {...actions} />
          ))}
        </ul>
      )}
    </section>
  );
}
