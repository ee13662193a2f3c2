// What the notification service answers (its OpenAPI document names no response types).

export interface Notice {
  id: string;
  caseId: string;
  kind: string;
  title: string;
  body: string;
  /** The console page that acts on it. */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NoticePage {
  items: Notice[];
  total: number;
  unread: number;
}
