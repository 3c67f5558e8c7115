// The caller's own sessions (devices signed in) and, for admin, the login throttles (issue 11).
import { http } from './http';

export interface SessionItem {
  id: number;
  created_at: number; // unix seconds
  last_seen: number;
  expires_at: number;
  address: string;
  user_agent: string;
  current: boolean;
}

export interface ThrottleItem {
  key: string; // "u:NAME" (an account) or "a:ADDRESS" (an address)
  failures: number;
  last_failure: number; // unix seconds
  blocked_until: number;
}

export interface LinkRequest {
  member: { id: number; name: string; unit_id: number; unit_name: string };
  requested_by: string;
  requested_at: string; // ISO 8601 UTC
}

export const securityApi = {
  sessions: () => http.get<{ items: SessionItem[] }>('/sessions'),
  endSession: (id: number) => http.delete<void>(`/sessions/${id}`),
  endOthers: () => http.post<{ ended: number }>('/sessions/end-others', {}),
  throttles: () => http.get<{ items: ThrottleItem[] }>('/login-throttles'),
  lift: (key: string) => http.post<void>('/login-throttles/lift', { key }),
  /** Requests to link this account to a party member, waiting for the owner's answer. */
  linkRequests: () => http.get<{ items: LinkRequest[] }>('/me/link-requests'),
  answerLink: (memberId: number, accept: boolean) => http.post<void>(`/me/link-requests/${memberId}/${accept ? 'accept' : 'decline'}`, {}),
};
