/**
 * The HTML report's style sheet. Inline, hashed into the page's CSP, no url() anywhere:
 * the report loads nothing. Colours meet WCAG AA contrast in both schemes; every
 * verdict also has a word and a symbol, so colour is never the only cue.
 */
export const REPORT_CSS = `
:root{color-scheme:light dark;
--bg:#f6f6f3;--surface:#fff;--text:#1b1d21;--muted:#545b66;--border:#d7dae0;--accent:#1d4ed8;--focus:#1d4ed8;--code:#eef0f3;
--sup-fg:#0b5d1e;--sup-bg:#e2f4e6;--sup-bd:#8fcf9e;
--ref-fg:#9b1c1c;--ref-bg:#fde8e8;--ref-bd:#f0a8a8;
--mix-fg:#7a4700;--mix-bg:#fff1d1;--mix-bd:#e9c46a;
--unv-fg:#39424f;--unv-bg:#eaedf2;--unv-bd:#bcc4d0;
--opn:#6b4fa3;--unc:#b42318}
@media (prefers-color-scheme:dark){:root{
--bg:#111317;--surface:#1a1d22;--text:#e7e9ec;--muted:#a6adb8;--border:#343941;--accent:#8ab4ff;--focus:#8ab4ff;--code:#262a31;
--sup-fg:#92e2a4;--sup-bg:#143b20;--sup-bd:#2f7a43;
--ref-fg:#ffb0b0;--ref-bg:#4b1818;--ref-bd:#9a3a3a;
--mix-fg:#ffd98a;--mix-bg:#3e2e08;--mix-bd:#8c6a1c;
--unv-fg:#cdd4df;--unv-bg:#2a3039;--unv-bd:#56606f;
--opn:#c3a8f5;--unc:#ff8f86}}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:3px}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em}
code{background:var(--code);padding:.05em .35em;border-radius:4px;overflow-wrap:anywhere}
h1,h2,h3,h4{line-height:1.25;margin:0}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:var(--surface);padding:.5rem 1rem;z-index:10}
.wrap{max-width:1100px;margin:0 auto;padding:0 1rem}
header.top{background:var(--surface);border-bottom:1px solid var(--border)}
header.top .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between;padding-top:1rem;padding-bottom:1rem}
header.top h1{font-size:1.35rem}
header.top h1 .tool{color:var(--muted);font-weight:500}
nav.toc{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
.banner{display:inline-flex;align-items:center;gap:.4rem;font-weight:650;padding:.3rem .75rem;border-radius:999px;border:1px solid}
.banner.fail{color:var(--ref-fg);background:var(--ref-bg);border-color:var(--ref-bd)}
.banner.pass{color:var(--sup-fg);background:var(--sup-bg);border-color:var(--sup-bd)}
main section{margin:2rem 0}
main section>h2{font-size:1.2rem;margin-bottom:.75rem}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));gap:.75rem;margin:0}
.stat{background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:.75rem 1rem;margin:0}
.stat dt{color:var(--muted);font-size:.85rem}
.stat dd{margin:0;font-size:1.7rem;font-weight:700;font-variant-numeric:tabular-nums}
.stat.fail dd{color:var(--ref-fg)}.stat.pass dd{color:var(--sup-fg)}
.vtable{border-collapse:collapse;margin-top:1rem;background:var(--surface);border:1px solid var(--border);border-radius:10px;overflow:hidden;min-width:min(100%,420px)}
.vtable th,.vtable td{padding:.4rem .9rem;text-align:left;border-bottom:1px solid var(--border)}
.vtable td.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-flex;align-items:center;gap:.3em;font-size:.85rem;font-weight:650;padding:.1rem .55rem;border-radius:999px;border:1px solid;white-space:nowrap}
.v-supported{color:var(--sup-fg);background:var(--sup-bg);border-color:var(--sup-bd)}
.v-refuted{color:var(--ref-fg);background:var(--ref-bg);border-color:var(--ref-bd)}
.v-mixed{color:var(--mix-fg);background:var(--mix-bg);border-color:var(--mix-bd)}
.v-unverifiable,.v-none{color:var(--unv-fg);background:var(--unv-bg);border-color:var(--unv-bd)}
.badge.v-unproven{color:var(--unv-fg);background:var(--unv-bg);border-color:var(--unv-bd);border-style:dashed;font-weight:600}
.st{font-size:.8rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;padding:.1rem .5rem;border-radius:4px;border:1px solid}
.st-fail{color:var(--ref-fg);background:var(--ref-bg);border-color:var(--ref-bd)}
.st-pass{color:var(--sup-fg);background:var(--sup-bg);border-color:var(--sup-bd)}
.filters{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:flex-end;background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:.75rem 1rem;margin-bottom:.75rem}
.filters fieldset{border:0;margin:0;padding:0;min-width:0}
.filters legend,.filters label{font-size:.8rem;color:var(--muted);font-weight:600;margin-bottom:.25rem;padding:0;display:block}
.btns{display:flex;flex-wrap:wrap;gap:.35rem}
button{font:inherit;font-size:.9rem;cursor:pointer;color:var(--text);background:var(--surface);border:1px solid var(--border);border-radius:8px;padding:.3rem .65rem;min-height:2.25rem}
button:hover{border-color:var(--muted)}
button[aria-pressed=true]{background:var(--text);color:var(--surface);border-color:var(--text)}
button .n{font-variant-numeric:tabular-nums;opacity:.8}
input[type=search]{font:inherit;font-size:.95rem;color:var(--text);background:var(--bg);border:1px solid var(--border);border-radius:8px;padding:.35rem .6rem;min-height:2.25rem;width:min(260px,100%)}
.search{flex:1 1 200px}
.shown{color:var(--muted);font-size:.9rem;margin:.25rem 0 .75rem}
.cards{display:grid;gap:.75rem}
.card{background:var(--surface);border:1px solid var(--border);border-left:5px solid var(--sup-bd);border-radius:10px;padding:.85rem 1rem;min-width:0}
.card.fail{border-color:var(--ref-bd);border-left-color:var(--ref-fg)}
.card-head{display:flex;flex-wrap:wrap;gap:.4rem .6rem;align-items:center}
.card-head h3{font-size:1rem;font-weight:650;margin-right:auto;overflow-wrap:anywhere}
.card-head .art{color:var(--muted);font-size:.85rem;font-weight:400}
.claim-text{margin:.6rem 0;padding:.1rem 0 .1rem .8rem;border-left:3px solid var(--border);font-size:1.02rem;overflow-wrap:anywhere}
.vs{display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:center;font-size:.88rem;color:var(--muted);margin:0}
.vs dt{display:inline}.vs dd{display:inline;margin:0 0 0 .3rem}
.vs .mismatch{color:var(--ref-fg);font-weight:650}
.rationale{color:var(--muted);font-size:.92rem;margin:.5rem 0 0;overflow-wrap:anywhere}
.diags{list-style:none;margin:.6rem 0 0;padding:0;display:grid;gap:.3rem}
.diag{font-size:.9rem;padding:.35rem .6rem;border-radius:6px;background:var(--bg);border:1px solid var(--border);overflow-wrap:anywhere}
.diag .sev{font-weight:700;text-transform:uppercase;font-size:.72rem;letter-spacing:.04em;margin-right:.35rem}
.diag.error .sev{color:var(--ref-fg)}.diag.warning .sev{color:var(--mix-fg)}
.diag .pos{color:var(--muted);font-size:.82rem}
details.more{margin-top:.6rem}
details.more>summary{cursor:pointer;color:var(--accent);font-size:.9rem;font-weight:600}
.cites{margin:.5rem 0 0;padding-left:1.2rem;display:grid;gap:.5rem}
.cite{overflow-wrap:anywhere}
.cite .meta{font-size:.85rem;color:var(--muted)}
.cite blockquote{margin:.25rem 0 0;padding:.15rem .6rem;border-left:3px solid var(--border);font-style:italic}
.cite .missing{color:var(--ref-fg);font-weight:650;font-style:normal}
.groups{list-style:none;margin:.5rem 0 0;padding:0;display:grid;gap:.6rem}
.group{padding:.4rem .6rem;border:1px solid var(--border);border-radius:6px}
.group-head{font-size:.9rem;overflow-wrap:anywhere}
.group.nothing{border-style:dashed;opacity:.8}
.cite .who.unreliable{color:var(--ref-fg)}
.part .short{color:var(--mix-fg);font-size:.82rem}
.parts,.parts ol{list-style:none;margin:.4rem 0 0;padding:0}
.parts ol{padding-left:1rem;border-left:2px solid var(--border)}
.part{margin:.35rem 0;font-size:.9rem;overflow-wrap:anywhere}
.part .kind{font-family:ui-monospace,monospace;font-size:.8rem;color:var(--muted)}
.part dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.25rem 0}
.part dt{color:var(--muted)}.part dd{margin:0}
ul.ev{margin:.2rem 0;padding-left:1.1rem;font-size:.85rem}
li.ev{margin:.15rem 0}
.ev .rank-deprecated{text-decoration:line-through}
.ev.later{color:var(--muted)}
.ev .inferred{display:block;color:var(--muted);font-style:italic}
.where{font-size:.8rem;color:var(--muted);margin:.5rem 0 0;overflow-wrap:anywhere}
.more-btn{margin:1rem auto 0;display:block}
.tl-scroll{overflow-x:auto;background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:.5rem}
.tl{display:block;min-width:720px;width:100%;height:auto}
.tl .axis{stroke:var(--muted);stroke-width:1}
.tl .tick{stroke:var(--border)}
.tl text{fill:var(--muted);font-size:11px;font-family:system-ui,sans-serif}
.tl .axis-break{stroke:var(--muted);stroke-width:1.5;fill:none}
.tl text.gap-label{font-style:italic}
.tl .asof{stroke:var(--accent);stroke-dasharray:4 3}
.tl .asof-band{fill:var(--accent);opacity:.1}
.tl text.asof-label{fill:var(--accent);font-weight:600}
.tl .mark{fill:var(--accent);stroke:var(--surface);stroke-width:1.5}
.tl .mark.unused{fill:var(--muted)}
.tl .mark.later{fill:var(--mix-fg)}
.tl .mark.deprecated{fill:var(--surface);stroke:var(--ref-fg);stroke-width:2}
.tl .strike{stroke:var(--ref-fg);stroke-width:2}
.tl a:hover .mark{stroke:var(--text);stroke-width:2.5}
.tl a:focus-visible .mark{stroke:var(--text);stroke-width:3.5}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;font-size:.85rem;color:var(--muted);margin:.5rem 0;padding:0;list-style:none}
.legend svg{vertical-align:-2px;margin-right:.3rem}
.legend .sw{display:inline-block;width:1.6em;height:.9em;vertical-align:-1px;margin-right:.35rem;border-radius:2px}
.tl-hint{display:none;font-size:.85rem;color:var(--muted);margin:.25rem 0 .5rem}
.tl-scroll:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.tl-list-h{font-size:1rem;margin:1.25rem 0 .6rem}
.tl-events{list-style:none;margin:0;padding:0;display:grid;gap:.9rem}
.tl-year{display:grid;grid-template-columns:3.5rem minmax(0,1fr);gap:.5rem}
.tl-year>.year{font-weight:700;font-size:1.05rem;font-variant-numeric:tabular-nums}
.tl-year>ol{list-style:none;margin:0;padding:0 0 0 .85rem;border-left:2px solid var(--border);display:grid;gap:.55rem}
.tl-event{display:grid;grid-template-columns:6.2rem minmax(0,1fr);gap:.1rem .75rem;font-size:.92rem;overflow-wrap:anywhere;padding:.1rem .25rem;border-radius:6px}
.tl-event .when{font-variant-numeric:tabular-nums;font-weight:600;color:var(--muted)}
.tl-event .label{font-weight:600}
.tl-event em{color:var(--muted)}
.tl-event.deprecated .label{text-decoration:line-through}
.tl-event .by{font-size:.8rem;color:var(--muted)}
.tl-event .used{font-size:.88rem}
.tl-event:target{background:var(--mix-bg)}
.claim-link.failed{color:var(--ref-fg);font-weight:650}
.claim-link .flag{font-size:.85em;white-space:nowrap}
.article-view{background:var(--surface);border:1px solid var(--border);border-radius:10px;padding:1rem 1.25rem;margin-bottom:1rem}
.article-view h3{font-size:1.1rem;margin-bottom:.25rem}
.coverage{margin:.75rem 0}
.coverage svg{display:block;width:100%;height:14px;border-radius:7px;overflow:hidden}
.coverage figcaption{font-size:.9rem;margin-top:.35rem}
.coverage .pct{font-size:1.3rem;font-weight:700;margin-right:.4rem}
.cov-claim{fill:var(--sup-fg)}.cov-failed{fill:var(--ref-bg)}.coverage .hatch{stroke:var(--ref-fg);stroke-width:2px;vector-effect:non-scaling-stroke}.cov-opinion{fill:var(--opn)}.cov-not-checked{fill:var(--unv-bd)}.cov-uncovered{fill:var(--unc)}
.sw.cov-claim{background:var(--sup-fg)}.sw.cov-failed{background:repeating-linear-gradient(135deg,var(--ref-fg) 0 3px,var(--ref-bg) 3px 6px)}.sw.cov-opinion{background:var(--opn)}.sw.cov-not-checked{background:var(--unv-bd)}.sw.cov-uncovered{background:var(--unc)}
.prose{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.02rem;line-height:1.75;margin-top:.75rem}
.prose mark{color:inherit;background:none;border-radius:3px;padding:.05em 0}
.prose mark.k-claim{border-bottom:2px solid}
.prose mark.k-claim.v-supported{background:var(--sup-bg);border-color:var(--sup-fg)}
.prose mark.k-claim.v-refuted{background:var(--ref-bg);border-color:var(--ref-fg)}
.prose mark.k-claim.v-mixed{background:var(--mix-bg);border-color:var(--mix-fg)}
.prose mark.k-claim.v-unverifiable,.prose mark.k-claim.v-none{background:var(--unv-bg);border-color:var(--unv-fg)}
.prose mark.k-claim.failed{background:repeating-linear-gradient(135deg,var(--ref-bd) 0 2px,var(--ref-bg) 2px 7px);border-bottom:3px double var(--ref-fg)}
.prose mark.k-opinion{border-bottom:2px dashed var(--opn);font-style:italic}
.prose mark.k-not-checked{border-bottom:2px dotted var(--muted)}
.prose mark.k-uncovered{text-decoration:underline wavy var(--unc);text-underline-offset:4px}
.prose .ref{font-size:.75em;font-weight:700;text-decoration:none;padding:0 .3em;margin-left:.15em;border-radius:4px;border:1px solid;vertical-align:.15em;white-space:nowrap}
.prose .ref.failed{color:var(--ref-fg);background:var(--ref-bg);border-color:var(--ref-fg)}
.failed-note{border:1px solid var(--ref-bd);background:var(--ref-bg);color:var(--ref-fg);border-radius:8px;padding:.5rem .85rem;margin:.75rem 0}
.failed-note p{margin:0}.failed-note ul{margin:.3rem 0 0;padding-left:1.2rem}.failed-note a{color:inherit}
.other .diags{margin-top:0}
footer{color:var(--muted);font-size:.85rem;padding:2rem 0}
@media (max-width:767px){.tl-hint{display:block}}
@media (max-width:600px){.tl-year{grid-template-columns:minmax(0,1fr)}.tl-event{grid-template-columns:minmax(0,1fr)}body{font-size:15px}.wrap{padding:0 .75rem}.card{padding:.75rem}.stat dd{font-size:1.4rem}.article-view{padding:.85rem}}
@media print{.filters,.more-btn,nav.toc{display:none!important}.card{break-inside:avoid}}
`.trim();
