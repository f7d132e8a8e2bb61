// Demo newsroom content for Kiosque. All people, agencies and events are fictional.
import type { SeedAuthor, SeedCategory, SeedTag } from './types';

export const categories: SeedCategory[] = [
  {
    key: "politics",
    position: 1,
    names: {
      fr: {
        name: "Politique",
        slug: "politique",
        description: "Institutions, Parlement, collectivités territoriales et vie des partis au Cameroun.",
      },
      en: {
        name: "Politics",
        slug: "politics",
        description: "Institutions, parliament, local government and party life in Cameroon.",
      },
    },
  },
  {
    key: "economy",
    position: 2,
    names: {
      fr: {
        name: "Économie",
        slug: "economie",
        description: "Finances publiques, matières premières, entreprises et emploi, de Douala à Garoua.",
      },
      en: {
        name: "Economy",
        slug: "economy",
        description: "Public finance, commodities, business and jobs, from Douala to Garoua.",
      },
    },
  },
  {
    key: "society",
    position: 3,
    names: {
      fr: {
        name: "Société",
        slug: "societe",
        description: "Éducation, santé, transports et vie quotidienne dans les villes et les campagnes.",
      },
      en: {
        name: "Society",
        slug: "society",
        description: "Education, health, transport and daily life in cities and villages.",
      },
    },
  },
  {
    key: "sport",
    position: 4,
    names: {
      fr: {
        name: "Sport",
        slug: "sport",
        description: "Football, athlétisme, handball et tous les championnats suivis par nos reporters.",
      },
      en: {
        name: "Sport",
        slug: "sport",
        description: "Football, athletics, handball and every league our reporters follow.",
      },
    },
  },
  {
    key: "culture",
    position: 5,
    names: {
      fr: {
        name: "Culture",
        slug: "culture",
        description: "Musique, cinéma, littérature, festivals et patrimoine vivant.",
      },
      en: {
        name: "Culture",
        slug: "culture",
        description: "Music, film, books, festivals and living heritage.",
      },
    },
  },
  {
    key: "international",
    position: 6,
    names: {
      fr: {
        name: "International",
        slug: "international",
        description: "L’Afrique centrale, le continent et le reste du monde vus depuis Yaoundé.",
      },
      en: {
        name: "International",
        slug: "international",
        description: "Central Africa, the continent and the wider world, seen from Yaoundé.",
      },
    },
  },
  {
    key: "videos",
    position: 7,
    names: {
      fr: {
        name: "Vidéos",
        slug: "videos",
        description: "Reportages courts et formats vidéo de la rédaction.",
      },
      en: {
        name: "Videos",
        slug: "videos",
        description: "Short reports and video formats from the newsroom.",
      },
    },
  },
];

export const tags: SeedTag[] = [
  {
    key: "elections",
    names: {
      fr: {
        name: "Élections",
        slug: "elections",
      },
      en: {
        name: "Elections",
        slug: "elections",
      },
    },
  },
  {
    key: "public-finance",
    names: {
      fr: {
        name: "Finances publiques",
        slug: "finances-publiques",
      },
      en: {
        name: "Public finance",
        slug: "public-finance",
      },
    },
  },
  {
    key: "cocoa",
    names: {
      fr: {
        name: "Cacao",
        slug: "cacao",
      },
      en: {
        name: "Cocoa",
        slug: "cocoa",
      },
    },
  },
  {
    key: "football",
    names: {
      fr: {
        name: "Football",
        slug: "football",
      },
      en: {
        name: "Football",
        slug: "football",
      },
    },
  },
  {
    key: "lions-indomptables",
    names: {
      fr: {
        name: "Lions indomptables",
        slug: "lions-indomptables",
      },
      en: {
        name: "Indomitable Lions",
        slug: "indomitable-lions",
      },
    },
  },
  {
    key: "education",
    names: {
      fr: {
        name: "Éducation",
        slug: "education",
      },
      en: {
        name: "Education",
        slug: "education",
      },
    },
  },
  {
    key: "health",
    names: {
      fr: {
        name: "Santé",
        slug: "sante",
      },
      en: {
        name: "Health",
        slug: "health",
      },
    },
  },
  {
    key: "transport",
    names: {
      fr: {
        name: "Transports",
        slug: "transports",
      },
      en: {
        name: "Transport",
        slug: "transport",
      },
    },
  },
  {
    key: "digital",
    names: {
      fr: {
        name: "Numérique",
        slug: "numerique",
      },
      en: {
        name: "Digital",
        slug: "digital",
      },
    },
  },
  {
    key: "agriculture",
    names: {
      fr: {
        name: "Agriculture",
        slug: "agriculture",
      },
      en: {
        name: "Agriculture",
        slug: "agriculture",
      },
    },
  },
  {
    key: "energy",
    names: {
      fr: {
        name: "Énergie",
        slug: "energie",
      },
      en: {
        name: "Energy",
        slug: "energy",
      },
    },
  },
  {
    key: "music",
    names: {
      fr: {
        name: "Musique",
        slug: "musique",
      },
      en: {
        name: "Music",
        slug: "music",
      },
    },
  },
  {
    key: "cinema",
    names: {
      fr: {
        name: "Cinéma",
        slug: "cinema",
      },
      en: {
        name: "Film",
        slug: "film",
      },
    },
  },
  {
    key: "diplomacy",
    names: {
      fr: {
        name: "Diplomatie",
        slug: "diplomatie",
      },
      en: {
        name: "Diplomacy",
        slug: "diplomacy",
      },
    },
  },
  {
    key: "cameroon",
    names: {
      fr: {
        name: "Cameroun",
        slug: "cameroun",
      },
      en: {
        name: "Cameroon",
        slug: "cameroon",
      },
    },
  },
  {
    key: "central-africa",
    names: {
      fr: {
        name: "Afrique centrale",
        slug: "afrique-centrale",
      },
      en: {
        name: "Central Africa",
        slug: "central-africa",
      },
    },
  },
  {
    key: "climate",
    names: {
      fr: {
        name: "Climat",
        slug: "climat",
      },
      en: {
        name: "Climate",
        slug: "climate",
      },
    },
  },
  {
    key: "youth",
    names: {
      fr: {
        name: "Jeunesse",
        slug: "jeunesse",
      },
      en: {
        name: "Youth",
        slug: "youth",
      },
    },
  },
  {
    key: "infrastructure",
    names: {
      fr: {
        name: "Infrastructures",
        slug: "infrastructures",
      },
      en: {
        name: "Infrastructure",
        slug: "infrastructure",
      },
    },
  },
  {
    key: "festival",
    names: {
      fr: {
        name: "Festivals",
        slug: "festivals",
      },
      en: {
        name: "Festivals",
        slug: "festivals",
      },
    },
  },
  {
    key: "trade",
    names: {
      fr: {
        name: "Commerce",
        slug: "commerce",
      },
      en: {
        name: "Trade",
        slug: "trade",
      },
    },
  },
];

export const authors: SeedAuthor[] = [
  {
    key: "aicha-ndongo",
    kind: "person",
    names: {
      fr: {
        name: "Aïcha Ndongo",
        slug: "aicha-ndongo",
        bio: "Cheffe du service politique de Kiosque, Aïcha Ndongo couvre le Parlement et les collectivités territoriales depuis 2012. Elle a auparavant travaillé en radio à Bertoua.",
      },
      en: {
        name: "Aïcha Ndongo",
        slug: "aicha-ndongo",
        bio: "Head of Kiosque’s politics desk, Aïcha Ndongo has covered parliament and local government since 2012. She previously worked in radio in Bertoua.",
      },
    },
  },
  {
    key: "serge-mbarga",
    kind: "person",
    names: {
      fr: {
        name: "Serge Mbarga Etoa",
        slug: "serge-mbarga-etoa",
        bio: "Journaliste économique, Serge Mbarga Etoa suit les finances publiques, les filières agricoles et le port de Kribi. Diplômé en économie de l’université de Yaoundé II.",
      },
      en: {
        name: "Serge Mbarga Etoa",
        slug: "serge-mbarga-etoa",
        bio: "Business reporter Serge Mbarga Etoa follows public finance, farm commodities and the port of Kribi. He holds an economics degree from the University of Yaoundé II.",
      },
    },
  },
  {
    key: "florence-ngo-bissek",
    kind: "person",
    names: {
      fr: {
        name: "Florence Ngo Bissek",
        slug: "florence-ngo-bissek",
        bio: "Florence Ngo Bissek écrit sur l’éducation, la santé et la vie des quartiers. Basée à Douala, elle anime aussi la rubrique « Vos questions » de Kiosque.",
      },
      en: {
        name: "Florence Ngo Bissek",
        slug: "florence-ngo-bissek",
        bio: "Florence Ngo Bissek writes about education, health and neighbourhood life. Based in Douala, she also runs Kiosque’s “Your questions” column.",
      },
    },
  },
  {
    key: "jean-pierre-tchoumi",
    kind: "person",
    names: {
      fr: {
        name: "Jean-Pierre Tchoumi",
        slug: "jean-pierre-tchoumi",
        bio: "Reporter sportif depuis quinze ans, Jean-Pierre Tchoumi a suivi trois Coupes d’Afrique des nations et commente chaque week-end le championnat national.",
      },
      en: {
        name: "Jean-Pierre Tchoumi",
        slug: "jean-pierre-tchoumi",
        bio: "A sports reporter for fifteen years, Jean-Pierre Tchoumi has covered three Africa Cup of Nations tournaments and follows the national league every weekend.",
      },
    },
  },
  {
    key: "mireille-fotso",
    kind: "person",
    names: {
      fr: {
        name: "Mireille Fotso Kamga",
        slug: "mireille-fotso-kamga",
        bio: "Mireille Fotso Kamga dirige les pages culture de Kiosque : musique, cinéma, livres et festivals, avec un faible pour les scènes de Bafoussam et de Bamenda.",
      },
      en: {
        name: "Mireille Fotso Kamga",
        slug: "mireille-fotso-kamga",
        bio: "Mireille Fotso Kamga edits Kiosque’s culture pages: music, film, books and festivals, with a soft spot for the stages of Bafoussam and Bamenda.",
      },
    },
  },
  {
    key: "continental-wire",
    kind: "agency",
    names: {
      fr: {
        name: "Continental Wire",
        slug: "continental-wire",
        bio: "Continental Wire est une agence de presse fondée à Nairobi, dont les correspondants couvrent l’actualité économique et politique de 40 pays africains. Ses dépêches sont publiées en anglais.",
      },
      en: {
        name: "Continental Wire",
        slug: "continental-wire",
        bio: "Continental Wire is a Nairobi-based news agency whose correspondents cover business and political news in 40 African countries. Its wire copy is published in English.",
      },
    },
  },
  {
    key: "ggps",
    kind: "agency",
    names: {
      fr: {
        name: "Service de presse du golfe de Guinée",
        slug: "service-de-presse-du-golfe-de-guinee",
        bio: "Le Service de presse du golfe de Guinée (GGPS) est une agence régionale basée à Douala, spécialisée dans les questions maritimes, portuaires et énergétiques de la sous-région.",
      },
      en: {
        name: "Gulf of Guinea Press Service",
        slug: "gulf-of-guinea-press-service",
        bio: "The Gulf of Guinea Press Service (GGPS) is a Douala-based regional agency specialising in maritime, port and energy news across the subregion.",
      },
    },
  },
  {
    key: "equatorial-press",
    kind: "agency",
    names: {
      fr: {
        name: "Agence Équatoriale de Presse",
        slug: "agence-equatoriale-de-presse",
        bio: "L’Agence Équatoriale de Presse (AEP) est une agence d’information généraliste installée à Libreville, avec des bureaux à Yaoundé, Brazzaville et N’Djamena.",
      },
      en: {
        name: "Equatorial Press Agency",
        slug: "equatorial-press-agency",
        bio: "The Equatorial Press Agency (EPA) is a general news agency headquartered in Libreville, with bureaus in Yaoundé, Brazzaville and N’Djamena.",
      },
    },
  },
];
