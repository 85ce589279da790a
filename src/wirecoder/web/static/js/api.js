// Thin fetch wrappers: every error the API sends is a problem object {type,title,status,detail}.

export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || "request failed");
    this.problem = problem;
  }
}

async function parse(resp) {
  const body = await resp.json().catch(() => ({ title: resp.statusText, status: resp.status, detail: "" }));
  if (!resp.ok) throw new ApiError(body);
  return body;
}

export function query(params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") qs.set(k, v);
  const s = qs.toString();
  return s ? `?${s}` : "";
}

export const getJSON = (path, params = {}) => fetch(path + query(params)).then(parse);

export function postJSON(path, data, apiKey) {
  const headers = { "Content-Type": "application/json" };
  if (apiKey) headers["X-API-Key"] = apiKey;
  return fetch(path, { method: "POST", headers, body: JSON.stringify(data) }).then(parse);
}
