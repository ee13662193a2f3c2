import { apiUrl, authHeaders, type ServiceName } from '../api/http';
import { ApiError } from '../api/problem';

/**
 * Downloads a file the services serve only with the bearer token (a plain link would carry none): fetched, then
 * handed to the browser as a file of its name.
 */
export async function downloadWithToken(service: ServiceName, path: string, fileName: string): Promise<void> {
  const url = URL.createObjectURL(await fetchWithToken(service, path));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens such a file in a new tab (a PDF or an image reads in the browser). The tab is opened first, so no blocker stops it. */
export async function openWithToken(service: ServiceName, path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await fetchWithToken(service, path));
    if (tab) tab.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 300_000);
  } catch (err) {
    tab?.close();
    throw err;
  }
}

async function fetchWithToken(service: ServiceName, path: string): Promise<Blob> {
  const res = await fetch(apiUrl(service, path), { headers: authHeaders() });
  if (!res.ok) {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    throw new ApiError(res.status, body, res.headers.get('x-correlation-id'));
  }
  return res.blob();
}
