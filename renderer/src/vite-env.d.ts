/// <reference types="vite/client" />
// Lets TypeScript accept `import './styles/app.css'`: Vite turns it into a <link> to a built CSS file.
