/**
 * The one first-party script of reader pages (issue 14), served by lib/server/lite.ts under a content-hashed
 * URL with immutable caching and loaded `defer`. Plain JavaScript kept as text: it is sent as written (no
 * bundler, no framework), so what is measured by the budget test is what a phone downloads. It does the three
 * things reader pages need a browser for, driven by data attributes the server components render:
 *
 *  - `[data-view-beacon="<article id>"]` (components/ViewBeacon.tsx): one POST to /api/views once the page is
 *    visible, with a random per-tab token kept in sessionStorage (lib/view-beacon.ts explains why);
 *  - `a[data-remember-locale="<locale>"]` (components/LanguageLink.client.tsx): a click remembers the language in
 *    the cookie the locale proxy reads on `/`, so that pages themselves never set cookies;
 *  - `a[data-video-src]` (components/VideoFacade.client.tsx): a plain left click swaps the link for the provider's
 *    player (the URL was built on the server from an allowlisted provider and id; the CSP's frame-src allows only
 *    those players). Modified clicks keep their meaning (new tab on the provider's site).
 *
 * The same components still work with React where the full runtime runs (the newsroom's preview; Next's 404 shell
 * in the rare case it is sent, see ./not-found-document.ts).
 */
export const LITE_SCRIPT = `(function(){
var d=document;
var b=d.querySelector('[data-view-beacon]');
if(b){
var id=Number(b.getAttribute('data-view-beacon'));
var token=function(){try{var k='kiosque.reader',t=sessionStorage.getItem(k);if(!t||!/^[A-Za-z0-9_-]{16,64}$/.test(t)){var r=crypto.getRandomValues(new Uint8Array(16));t='';for(var i=0;i<r.length;i++)t+=(r[i]+256).toString(16).slice(1);sessionStorage.setItem(k,t)}return t}catch(e){}};
var send=function(){var body=JSON.stringify({articleId:id,reader:token()});if(navigator.sendBeacon&&navigator.sendBeacon('/api/views',body))return;fetch('/api/views',{method:'POST',body:body,keepalive:true}).catch(function(){})};
if(d.visibilityState==='visible')send();
else{var on=function(){if(d.visibilityState!=='visible')return;d.removeEventListener('visibilitychange',on);send()};d.addEventListener('visibilitychange',on)}
}
d.addEventListener('click',function(e){
var t=e.target;if(!t||!t.closest)return;
var a=t.closest('a[data-remember-locale]');
if(a){d.cookie='NEXT_LOCALE='+a.getAttribute('data-remember-locale')+'; path=/; max-age=31536000; samesite=lax';return}
var v=t.closest('a[data-video-src]');
if(!v||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;
e.preventDefault();
var f=d.createElement('iframe');
f.className='video-frame';
f.src=v.getAttribute('data-video-src');
f.title=v.getAttribute('data-video-title')||'';
f.allow='autoplay; encrypted-media; fullscreen; picture-in-picture';
f.allowFullscreen=true;
f.referrerPolicy='strict-origin-when-cross-origin';
v.replaceWith(f);
f.focus();
});
})();
`;
