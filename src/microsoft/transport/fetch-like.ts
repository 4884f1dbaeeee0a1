/** The fetch every Microsoft call goes through (tests and operators with a private CA inject their own). */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
