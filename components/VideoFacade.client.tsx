'use client';

import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';

/**
 * Click-to-load video embed (issue 12). The server renders the facade — our poster, the title, a play button —
 * inside a plain link to the video on the provider's site: without JavaScript it is just a link, and nothing is
 * requested from the provider until the reader asks for it. With JavaScript a plain click swaps the link for the
 * provider's player (its URL was built on the server from an allowlisted provider and id: lib/video/embed.ts).
 * On lite reader pages (no React in the browser, lib/server/lite.ts) the reader pages' script does the same from
 * `data-video-src` and `data-video-title` (lib/server/lite-script.ts); in the newsroom's preview React does.
 */
export function VideoFacade({ href, src, title, children }: { href: string; src: string; title: string; children: ReactNode }) {
  const [playing, setPlaying] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    if (playing) frame.current?.focus();
  }, [playing]);
  if (playing) {
    return (
      <iframe
        ref={frame}
        className="video-frame"
        src={src}
        title={title}
        allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
    );
  }
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    // Modified clicks (new tab, new window) keep their meaning: the link opens the video on the provider.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    setPlaying(true);
  };
  return (
    <a className="video-facade" href={href} data-video-src={src} data-video-title={title} onClick={onClick}>
      {children}
    </a>
  );
}
