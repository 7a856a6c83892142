/** The route table of the simulated GitHub REST API: method, path pattern, the permission it needs (scope and level), docs page, handler. */
import { downloadArtifact, getArtifact, listArtifacts } from './artifacts.js';
import { createBlob, createTree, getBlob, getTree } from './blobs-trees.js';
import { createGitCommit, getCommit, getGitCommit } from './commits.js';
import { compareCommits, getRepository } from './compare.js';
import { getContent } from './contents.js';
import { createDeployment, createStatus, getDeployment, listDeployments, listStatuses } from './deployments.js';
import type { Params, Route } from './model.js';
import { createRef, createTag, deleteRef, getRef, getTag, matchingRefs, updateRef } from './refs-tags.js';
import { createRelease, getReleaseByTag } from './releases.js';

export function buildRoutes(): Route[] {
  const refsDocs = 'https://docs.github.com/rest/git/refs';
  const tagsDocs = 'https://docs.github.com/rest/git/tags';
  const deployDocs = 'https://docs.github.com/rest/deployments/deployments';
  const statusDocs = 'https://docs.github.com/rest/deployments/statuses';
  const artifactDocs = 'https://docs.github.com/rest/actions/artifacts';
  const R = '/repos/{owner}/{repo}';
  const gitDocs = 'https://docs.github.com/rest/git';
  const releaseDocs = 'https://docs.github.com/rest/releases/releases';
  return [
    {
      method: 'GET',
      pattern: `${R}/contents/{path+}`,
      permission: { scope: 'contents', level: 'read' },
      docs: 'https://docs.github.com/rest/repos/contents#get-repository-content',
      handler: getContent,
    },
    {
      method: 'POST',
      pattern: `${R}/git/blobs`,
      permission: { scope: 'contents', level: 'write' },
      docs: `${gitDocs}/blobs#create-a-blob`,
      handler: createBlob,
    },
    {
      method: 'GET',
      pattern: `${R}/git/blobs/{file_sha}`,
      permission: { scope: 'contents', level: 'read' },
      docs: `${gitDocs}/blobs#get-a-blob`,
      handler: getBlob,
    },
    {
      method: 'POST',
      pattern: `${R}/git/trees`,
      permission: { scope: 'contents', level: 'write' },
      docs: `${gitDocs}/trees#create-a-tree`,
      handler: createTree,
    },
    {
      method: 'GET',
      pattern: `${R}/git/trees/{tree_sha}`,
      permission: { scope: 'contents', level: 'read' },
      docs: `${gitDocs}/trees#get-a-tree`,
      handler: getTree,
    },
    {
      method: 'POST',
      pattern: `${R}/git/commits`,
      permission: { scope: 'contents', level: 'write' },
      docs: `${gitDocs}/commits#create-a-commit`,
      handler: createGitCommit,
    },
    {
      method: 'GET',
      pattern: `${R}/git/commits/{commit_sha}`,
      permission: { scope: 'contents', level: 'read' },
      docs: `${gitDocs}/commits#get-a-commit-object`,
      handler: getGitCommit,
    },
    {
      method: 'POST',
      pattern: `${R}/releases`,
      permission: { scope: 'contents', level: 'write' },
      docs: `${releaseDocs}#create-a-release`,
      handler: createRelease,
    },
    {
      method: 'GET',
      pattern: `${R}/releases/tags/{tag}`,
      permission: { scope: 'contents', level: 'read' },
      docs: `${releaseDocs}#get-a-release-by-tag-name`,
      handler: getReleaseByTag,
    },
    {
      method: 'POST',
      pattern: `${R}/git/tags`,
      permission: { scope: 'contents', level: 'write' },
      docs: `${tagsDocs}#create-a-tag-object`,
      handler: createTag,
    },
    {
      method: 'GET',
      pattern: `${R}/git/tags/{tag_sha}`,
      permission: { scope: 'contents', level: 'read' },
      docs: `${tagsDocs}#get-a-tag`,
      handler: getTag,
    },
    {
      method: 'POST',
      pattern: `${R}/git/refs`,
      permission: { scope: 'contents', level: 'write' },
      docs: `${refsDocs}#create-a-reference`,
      handler: createRef,
    },
    {
      method: 'GET',
      pattern: `${R}/git/ref/{ref+}`,
      permission: { scope: 'contents', level: 'read' },
      docs: `${refsDocs}#get-a-reference`,
      handler: getRef,
    },
    {
      method: 'GET',
      pattern: `${R}/git/matching-refs/{ref+}`,
      permission: { scope: 'contents', level: 'read' },
      docs: `${refsDocs}#list-matching-references`,
      handler: matchingRefs,
    },
    {
      method: 'GET',
      pattern: `${R}/git/matching-refs`,
      permission: { scope: 'contents', level: 'read' },
      docs: `${refsDocs}#list-matching-references`,
      handler: matchingRefs,
    },
    {
      method: 'PATCH',
      pattern: `${R}/git/refs/{ref+}`,
      permission: { scope: 'contents', level: 'write' },
      docs: `${refsDocs}#update-a-reference`,
      handler: updateRef,
    },
    {
      method: 'DELETE',
      pattern: `${R}/git/refs/{ref+}`,
      permission: { scope: 'contents', level: 'write' },
      docs: `${refsDocs}#delete-a-reference`,
      handler: deleteRef,
    },
    {
      method: 'GET',
      pattern: R,
      permission: { scope: 'metadata', level: 'read' },
      docs: 'https://docs.github.com/rest/repos/repos#get-a-repository',
      handler: getRepository,
    },
    {
      method: 'GET',
      pattern: `${R}/compare/{basehead}`,
      permission: { scope: 'contents', level: 'read' },
      docs: 'https://docs.github.com/rest/commits/commits#compare-two-commits',
      handler: compareCommits,
    },
    {
      method: 'GET',
      pattern: `${R}/commits/{ref}`,
      permission: { scope: 'contents', level: 'read' },
      docs: 'https://docs.github.com/rest/commits/commits#get-a-commit',
      handler: getCommit,
    },
    {
      method: 'POST',
      pattern: `${R}/deployments`,
      permission: { scope: 'deployments', level: 'write' },
      docs: `${deployDocs}#create-a-deployment`,
      handler: createDeployment,
    },
    {
      method: 'GET',
      pattern: `${R}/deployments`,
      permission: { scope: 'deployments', level: 'read' },
      docs: `${deployDocs}#list-deployments`,
      handler: listDeployments,
    },
    {
      method: 'GET',
      pattern: `${R}/deployments/{deployment_id}`,
      permission: { scope: 'deployments', level: 'read' },
      docs: `${deployDocs}#get-a-deployment`,
      handler: getDeployment,
    },
    {
      method: 'POST',
      pattern: `${R}/deployments/{deployment_id}/statuses`,
      permission: { scope: 'deployments', level: 'write' },
      docs: `${statusDocs}#create-a-deployment-status`,
      handler: createStatus,
    },
    {
      method: 'GET',
      pattern: `${R}/deployments/{deployment_id}/statuses`,
      permission: { scope: 'deployments', level: 'read' },
      docs: `${statusDocs}#list-deployment-statuses`,
      handler: listStatuses,
    },
    {
      method: 'GET',
      pattern: `${R}/actions/runs/{run_id}/artifacts`,
      permission: { scope: 'actions', level: 'read' },
      docs: `${artifactDocs}#list-workflow-run-artifacts`,
      handler: listArtifacts,
    },
    {
      method: 'GET',
      pattern: `${R}/actions/artifacts/{artifact_id}`,
      permission: { scope: 'actions', level: 'read' },
      docs: `${artifactDocs}#get-an-artifact`,
      handler: getArtifact,
    },
    {
      method: 'GET',
      pattern: `${R}/actions/artifacts/{artifact_id}/{archive_format}`,
      permission: { scope: 'actions', level: 'read' },
      docs: `${artifactDocs}#download-an-artifact`,
      handler: downloadArtifact,
    },
  ];
}

export function matchPattern(pattern: string, segments: string[]): Params | undefined {
  const parts = pattern.split('/').filter((s) => s !== '');
  const params: Params = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const rest = /^\{(\w+)\+\}$/.exec(part);
    if (rest) {
      if (i >= segments.length) return undefined;
      params[rest[1] ?? ''] = segments.slice(i).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name) params[name] = segment;
    else if (part !== segment) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}
