// The picker page's styles: one column under 600 px (it must work in a 400 px popup), sources beside the list above.
// Colours keep WCAG AA contrast (the accessibility test runs axe on the page).
export const PICKER_PAGE_STYLES = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1b1f;background:#fff}
h1{font-size:1.15rem;margin:0}
h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#4a4a55;margin:.75rem 0 .25rem}
button{font:inherit;border:1px solid #8a8a96;background:#fff;color:#1b1b1f;border-radius:6px;padding:.35rem .75rem;cursor:pointer}
button.primary{background:#0f5cc0;border-color:#0f5cc0;color:#fff}
button:disabled{background:#e8e8ec;border-color:#c4c4cc;color:#55555f;cursor:not-allowed}
button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #0f5cc0;outline-offset:2px}
.top{padding:.75rem 1rem;border-bottom:1px solid #d9d9e0}
.record{margin:.1rem 0 0;color:#4a4a55;font-size:.9rem}
.layout{display:flex;gap:1rem;padding:0 1rem 6.5rem}
.sources{flex:0 0 14rem}
.sources ul,.items,.breadcrumb{list-style:none;margin:0;padding:0}
.sources button{display:block;width:100%;text-align:left;border:0;padding:.35rem .5rem;margin:1px 0}
.sources button[aria-current="true"]{background:#e3edfb;font-weight:600}
main{flex:1;min-width:0;padding-top:.75rem}
.breadcrumb{display:flex;flex-wrap:wrap;gap:.25rem;font-size:.9rem;margin-bottom:.5rem}
.breadcrumb li+li::before{content:"/";margin-right:.25rem;color:#4a4a55}
.breadcrumb button{border:0;padding:0 .15rem;color:#0f5cc0;text-decoration:underline}
.breadcrumb [aria-current="page"]{font-weight:600}
.search-row{display:flex;gap:.5rem;margin:.25rem 0 .5rem}
label{font-size:.9rem}
input[type=search]{flex:1;min-width:0;font:inherit;padding:.3rem .5rem;border:1px solid #8a8a96;border-radius:6px}
.items li{display:flex;align-items:center;gap:.5rem;padding:.4rem .25rem;border-bottom:1px solid #ececf0}
.items li button.open{border:0;padding:0;text-align:left;color:#0f5cc0;text-decoration:underline;flex:1}
.items li button.open::before{content:"";display:inline-block;width:.95em;height:.7em;border:2px solid currentColor;border-radius:2px;margin-right:.45rem;vertical-align:-.05em}
.items label{flex:1;display:flex;gap:.5rem;align-items:center;cursor:pointer;min-width:0}
.items .name{overflow-wrap:anywhere}
.items .meta{color:#4a4a55;font-size:.85rem;white-space:nowrap}
.status{color:#4a4a55}
.error:empty{display:none}
.error{border:1px solid #b3261e;background:#fdecea;color:#7a1810;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}
.error a{color:#7a1810}
.bar{position:fixed;bottom:0;left:0;right:0;background:#fff;border-top:1px solid #d9d9e0;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between}
.bar p{margin:0}
.actions{display:flex;gap:.5rem}
.progress{flex-basis:100%;font-size:.9rem}
.progress:empty{display:none}
.refused main{max-width:36rem;margin:3rem auto;padding:0 1rem}
.hint{color:#4a4a55;font-size:.85rem}
@media (max-width:600px){.layout{flex-direction:column;gap:0}.sources{flex:none}}
`;
