import type { ArticleCard as Card } from '@/db/articles';
import { ArticleCard } from './ArticleCard';

export function ArticleList({ articles, headingLevel = 2, firstPriority = false }: { articles: Card[]; headingLevel?: 2 | 3; firstPriority?: boolean }) {
  return (
    <ul className="article-list">
      {articles.map((a, i) => (
        <li key={a.id}>
          <ArticleCard article={a} headingLevel={headingLevel} priority={firstPriority && i === 0} />
        </li>
      ))}
    </ul>
  );
}
