/**
 * Parallel French/English word banks for the large-data generator. Each entry is [fr, en] (verbs carry the
 * present for headlines and the past for body text); picking the same indices in both languages gives a real
 * translation pair. All people and events are fictional.
 */
export type Pair = readonly [string, string];
export interface Verb { fr: [present: string, past: string]; en: [present: string, past: string] }

export const subjects: Pair[] = [
  ['Le ministre des Finances', 'The finance minister'],
  ['La maire de Douala', 'The mayor of Douala'],
  ['Le gouverneur de la région du Nord', 'The governor of the North region'],
  ['La Banque centrale', 'The central bank'],
  ['Le syndicat des transporteurs', 'The transport workers’ union'],
  ['La directrice de l’hôpital régional', 'The director of the regional hospital'],
  ['Le sélectionneur national', 'The national coach'],
  ['Une délégation de l’Union africaine', 'An African Union delegation'],
  ['Le président de l’Assemblée nationale', 'The speaker of the National Assembly'],
  ['La chambre de commerce', 'The chamber of commerce'],
  ['Le collectif des parents d’élèves', 'The parents’ association'],
  ['La ministre de la Santé publique', 'The public health minister'],
  ['Le conseil municipal de Garoua', 'Garoua city council'],
  ['Un groupement de producteurs de cacao', 'A group of cocoa farmers'],
  ['La fédération de football', 'The football federation'],
  ['Le directeur du festival', 'The festival director'],
  ['La commission électorale', 'The electoral commission'],
  ['Le patronat', 'The employers’ federation'],
  ['Une coopérative de femmes agricultrices', 'A women farmers’ cooperative'],
  ['Le recteur de l’université', 'The university rector'],
  ['La société d’électricité', 'The electricity company'],
  ['Le préfet du Mfoundi', 'The prefect of Mfoundi'],
  ['Une organisation de défense des consommateurs', 'A consumer rights group'],
  ['Le capitaine des Lions', 'The Lions’ captain'],
];

export const verbs: Verb[] = [
  { fr: ['annonce', 'a annoncé'], en: ['announces', 'announced'] },
  { fr: ['présente', 'a présenté'], en: ['presents', 'presented'] },
  { fr: ['défend', 'a défendu'], en: ['defends', 'defended'] },
  { fr: ['critique', 'a critiqué'], en: ['criticises', 'criticised'] },
  { fr: ['salue', 'a salué'], en: ['welcomes', 'welcomed'] },
  { fr: ['repousse', 'a repoussé'], en: ['postpones', 'postponed'] },
  { fr: ['lance', 'a lancé'], en: ['launches', 'launched'] },
  { fr: ['soutient', 'a soutenu'], en: ['backs', 'backed'] },
  { fr: ['remet en cause', 'a remis en cause'], en: ['questions', 'questioned'] },
  { fr: ['dévoile', 'a dévoilé'], en: ['unveils', 'unveiled'] },
  { fr: ['examine', 'a examiné'], en: ['reviews', 'reviewed'] },
  { fr: ['réclame', 'a réclamé'], en: ['calls for', 'called for'] },
];

/** Objects by section key; `any` is shared by every section. */
export const objects: Record<string, Pair[]> = {
  any: [
    ['un plan de rénovation des routes', 'a plan to repair the roads'],
    ['le budget de l’année prochaine', 'next year’s budget'],
    ['une réforme du code du travail', 'a reform of the labour code'],
    ['un programme d’aide aux jeunes diplômés', 'an aid programme for young graduates'],
    ['la hausse du prix du carburant', 'the rise in fuel prices'],
  ],
  politics: [
    ['le projet de loi sur la décentralisation', 'the decentralisation bill'],
    ['le calendrier des élections locales', 'the timetable for local elections'],
    ['la révision des listes électorales', 'the revision of the electoral rolls'],
    ['un remaniement du gouvernement', 'a government reshuffle'],
  ],
  economy: [
    ['un nouvel accord sur le prix du cacao', 'a new agreement on cocoa prices'],
    ['l’extension du port en eau profonde de Kribi', 'the expansion of the Kribi deep-water port'],
    ['un fonds de garantie pour les petites entreprises', 'a guarantee fund for small businesses'],
    ['la baisse des exportations de bois', 'the fall in timber exports'],
  ],
  society: [
    ['la construction de douze salles de classe', 'the construction of twelve classrooms'],
    ['une campagne de vaccination contre la rougeole', 'a measles vaccination campaign'],
    ['la réorganisation des transports urbains', 'the reorganisation of urban transport'],
    ['un plan contre les coupures d’eau', 'a plan against water cuts'],
  ],
  sport: [
    ['la préparation de la Coupe d’Afrique des nations', 'preparations for the Africa Cup of Nations'],
    ['la rénovation du stade omnisports', 'the renovation of the multi-sport stadium'],
    ['la liste des joueurs convoqués', 'the list of selected players'],
    ['un nouveau championnat féminin', 'a new women’s league'],
  ],
  culture: [
    ['la programmation du festival de musique', 'the music festival line-up'],
    ['la restauration du musée national', 'the restoration of the national museum'],
    ['un fonds pour le cinéma camerounais', 'a fund for Cameroonian cinema'],
    ['la numérisation des archives sonores', 'the digitisation of sound archives'],
  ],
  international: [
    ['un accord commercial avec le Nigeria', 'a trade agreement with Nigeria'],
    ['la médiation dans la crise régionale', 'mediation in the regional crisis'],
    ['le corridor routier Douala-Bangui', 'the Douala–Bangui road corridor'],
    ['la coopération sanitaire en Afrique centrale', 'health cooperation in Central Africa'],
  ],
  videos: [
    ['les images de l’inauguration du pont', 'footage of the bridge opening'],
    ['le reportage sur les marchés de nuit', 'the report on night markets'],
    ['un documentaire sur les pêcheurs de Limbé', 'a documentary on the fishermen of Limbe'],
  ],
};

export const places: Pair[] = [
  ['à Yaoundé', 'in Yaoundé'], ['à Douala', 'in Douala'], ['à Garoua', 'in Garoua'], ['à Bafoussam', 'in Bafoussam'],
  ['à Bamenda', 'in Bamenda'], ['à Maroua', 'in Maroua'], ['à Kribi', 'in Kribi'], ['à Bertoua', 'in Bertoua'],
  ['à Ebolowa', 'in Ebolowa'], ['à Buea', 'in Buea'], ['à Ngaoundéré', 'in Ngaoundéré'], ['à Limbé', 'in Limbe'],
];

export const times: Pair[] = [
  ['mardi', 'on Tuesday'], ['ce lundi', 'this Monday'], ['en fin de semaine', 'at the end of the week'],
  ['lors d’une conférence de presse', 'at a press conference'], ['jeudi matin', 'on Thursday morning'],
  ['devant les journalistes', 'in front of reporters'], ['à l’issue d’une longue réunion', 'after a long meeting'],
  ['samedi', 'on Saturday'],
];

export const quotes: Pair[] = [
  ['Nous devons agir vite et rendre des comptes', 'We must act quickly and be accountable'],
  ['Les habitants attendent des résultats concrets', 'Residents expect concrete results'],
  ['Rien ne sera décidé sans consulter les familles', 'Nothing will be decided without consulting families'],
  ['C’est une étape importante, mais le chemin est encore long', 'It is an important step, but there is still a long way to go'],
  ['Nous avons entendu les critiques et nous corrigerons ce qui doit l’être', 'We have heard the criticism and will fix what needs fixing'],
  ['Les chiffres parlent d’eux-mêmes', 'The figures speak for themselves'],
  ['Personne ne doit être laissé de côté', 'No one must be left behind'],
];

export const sources: Pair[] = [
  ['les chiffres du ministère', 'ministry figures'], ['l’Institut national de la statistique', 'the national statistics institute'],
  ['une étude de l’université de Dschang', 'a study by the University of Dschang'], ['les organisateurs', 'the organisers'],
  ['un rapport publié la semaine dernière', 'a report published last week'],
];

export const counted: Pair[] = [
  ['ménages', 'households'], ['élèves', 'pupils'], ['entreprises', 'businesses'], ['agriculteurs', 'farmers'],
  ['visiteurs', 'visitors'], ['habitants', 'residents'], ['emplois', 'jobs'],
];

export const countedTail: Pair[] = [
  ['pourraient en bénéficier d’ici à la fin de l’année', 'could benefit by the end of the year'],
  ['attendent encore une réponse des autorités', 'are still waiting for an answer from the authorities'],
  ['sont concernés dans la seule région du Centre', 'are affected in the Centre region alone'],
  ['figurent dans le premier bilan', 'appear in the first assessment'],
];

export const connectors: Pair[] = [
  ['Par ailleurs', 'Meanwhile'], ['Selon plusieurs observateurs', 'According to several observers'], ['Dans l’immédiat', 'For now'],
  ['De son côté', 'For its part'], ['Sur le terrain', 'On the ground'], ['À plus long terme', 'In the longer term'],
];

export const reactions: Pair[] = [
  ['l’opposition dénonce un manque de concertation', 'the opposition denounces a lack of consultation'],
  ['les commerçants restent prudents', 'traders remain cautious'],
  ['les syndicats demandent un calendrier précis', 'the unions are asking for a precise timetable'],
  ['les habitants espèrent une amélioration rapide', 'residents hope for a swift improvement'],
  ['les bailleurs de fonds suivent le dossier de près', 'donors are following the matter closely'],
  ['les experts appellent à la patience', 'experts are calling for patience'],
];

export const subheadings: Pair[] = [
  ['Un calendrier serré', 'A tight timetable'], ['Des réactions contrastées', 'Mixed reactions'], ['La question du financement', 'The funding question'],
  ['Sur le terrain', 'On the ground'], ['Et maintenant\u202F?', 'What next?'], ['Le contexte', 'The background'],
];
